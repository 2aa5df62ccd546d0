package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.FakeRequest;
import dev.ponder.core.testing.OtlpReceiver;
import dev.ponder.core.testing.OtlpReceiver.Received;
import dev.ponder.server.config.ProxyConfig;
import dev.ponder.server.config.TelemetryConfig;
import dev.ponder.server.config.UpstreamConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy's OpenTelemetry spans as a collector receives them (decoded from OTLP/HTTP protobuf): the request's span
 * under the client's traceparent, its strategy steps and upstream calls under it, and the upstream seeing each call's
 * context. The proxy is closed before reading: closing sends what is buffered.
 */
class TelemetryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";
    private static final String TRACEPARENT = "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01";
    @TempDir Path dir;

    private ProxyServer proxy(OtlpReceiver receiver, FakeOpenAiServer... ups) {
        List<UpstreamConfig> list = new ArrayList<>();
        for (int i = 0; i < ups.length; i++) list.add(Fixtures.upstream("u" + i, ups[i].baseUrl()));
        ProxyConfig c = Fixtures.config(list, List.of(), Optional.empty(), dir);
        if (receiver != null) {
            c = c.toBuilder().telemetry(new TelemetryConfig(URI.create(receiver.baseUrl()), Map.of("x-api-key", "k1"), "ponder-test", 1.0)).build();
        }
        return Fixtures.start(c);
    }

    private static JsonNode ask(ProxyServer p, String model, String... headers) throws Exception {
        var r = Http.post(Fixtures.root(p), "v1/chat/completions", Fixtures.chat(model, "What is 6 x 7?", ""), headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String parentOf(FakeRequest r) { return r.header("traceparent").orElseThrow().split("-")[2]; }

    @Test
    void a_vote_is_a_server_span_under_the_clients_traceparent_with_its_step_and_upstream_call_under_it() throws Exception {
        JsonNode answer;
        try (OtlpReceiver receiver = OtlpReceiver.start();
             FakeOpenAiServer up = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("The answer is " + (i < 2 ? 42 : 41) + ".")))) {
            try (ProxyServer p = proxy(receiver, up)) {
                answer = ask(p, "vote@3:fake-model", "traceparent", TRACEPARENT);
            }
            Received request = receiver.only("chat vote@3:fake-model");
            assertThat(request.traceId()).isEqualTo(CLIENT_TRACE);
            assertThat(request.parentSpanId()).isEqualTo(CLIENT_SPAN);
            assertThat(request.kind()).isEqualTo("SPAN_KIND_SERVER");
            assertThat(request.resource()).containsEntry("service.name", "ponder-test");
            assertThat(request.attributes()).containsEntry("gen_ai.operation.name", "chat").containsEntry("gen_ai.request.model", "vote@3:fake-model")
                    .containsEntry("ponder.strategy", "vote@3").containsEntry("ponder.stop_reason", "DONE").containsEntry("ponder.samples", 3L)
                    .containsEntry("ponder.vote.votes", 2L).containsEntry("ponder.vote.answers", 2L).containsEntry("ponder.calls", 1L)
                    .containsEntry("ponder.trace_id", answer.path("ponder").path("trace_id").asText())
                    .containsEntry("gen_ai.response.id", answer.path("id").asText())
                    .containsEntry("gen_ai.usage.input_tokens", answer.path("usage").path("prompt_tokens").asLong())
                    .containsEntry("gen_ai.usage.output_tokens", answer.path("usage").path("completion_tokens").asLong())
                    .containsEntry("ponder.cost.usd", answer.path("ponder").path("dollars").asDouble())
                    .containsEntry("gen_ai.response.finish_reasons", List.of("stop")).containsEntry("http.response.status_code", 200L);

            Received step = receiver.only("ponder sample");
            assertThat(step.parentSpanId()).isEqualTo(request.spanId());
            assertThat(step.attributes()).containsEntry("ponder.samples", 3L).containsEntry("gen_ai.request.model", "fake-model")
                    .containsEntry("ponder.backend", "upstreams:[u0]");
            Received call = receiver.only("chat fake-upstream-model");
            assertThat(call.parentSpanId()).isEqualTo(step.spanId());
            assertThat(call.kind()).isEqualTo("SPAN_KIND_CLIENT");
            assertThat(call.attributes()).containsEntry("gen_ai.provider.name", "openai").containsEntry("gen_ai.request.choice.count", 3L)
                    .containsEntry("gen_ai.response.model", "fake-upstream-model").containsEntry("server.address", "127.0.0.1");
            assertThat(up.requests()).singleElement().satisfies(r -> {
                assertThat(r.header("traceparent").orElseThrow()).startsWith("00-" + CLIENT_TRACE + "-");
                assertThat(parentOf(r)).isEqualTo(call.spanId());
            });
            assertThat(receiver.requestHeaders()).allSatisfy(h -> assertThat(h).containsEntry("x-api-key", List.of("k1")));
        }
    }

    @Test
    void a_relayed_body_has_one_client_span_per_upstream_tried_and_each_upstream_sees_its_own() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start(); FakeOpenAiServer down = FakeOpenAiServer.start(r -> FakeReply.serverError());
             FakeOpenAiServer up = FakeOpenAiServer.start(r -> RelayTest.rich())) {
            JsonNode answer;
            try (ProxyServer p = proxy(receiver, down, up)) {
                answer = ask(p, "fake-model");
            }
            Received request = receiver.only("chat fake-model");
            assertThat(request.root()).isTrue();
            assertThat(request.attributes()).containsEntry("ponder.strategy", "single").containsEntry("gen_ai.response.finish_reasons", List.of("length"))
                    .containsEntry("ponder.trace_id", answer.path("ponder").path("trace_id").asText());
            List<Received> calls = receiver.children(request);
            assertThat(calls).extracting(Received::name).containsExactly("chat fake-upstream-model", "chat fake-upstream-model");
            Received failed = calls.get(0);
            Received answered = calls.get(1);
            assertThat(failed.attributes()).containsEntry("error.type", "500").containsEntry("http.response.status_code", 500L)
                    .containsEntry("server.port", (long) down.baseUrl().getPort());
            assertThat(failed.status()).isEqualTo("STATUS_CODE_ERROR");
            assertThat(answered.attributes()).doesNotContainKey("error.type").containsEntry("gen_ai.response.id", "up-1")
                    .containsEntry("gen_ai.response.model", "fake-upstream-model").containsEntry("gen_ai.response.finish_reasons", List.of("length"))
                    .containsEntry("server.port", (long) up.baseUrl().getPort()).containsEntry("ponder.attempts", 1L);
            assertThat(parentOf(down.requests().getFirst())).isEqualTo(failed.spanId());
            assertThat(parentOf(up.requests().getFirst())).isEqualTo(answered.spanId());
        }
    }

    @Test
    void an_anthropic_messages_request_is_traced_like_a_chat_one_with_its_own_answer_id() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start();
             FakeOpenAiServer up = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("The answer is 42.")))) {
            JsonNode answer;
            try (ProxyServer p = proxy(receiver, up)) {
                var r = Http.post(Fixtures.root(p), "v1/messages", "{\"model\": \"vote@3:fake-model\", \"max_tokens\": 64,"
                        + " \"messages\": [{\"role\": \"user\", \"content\": \"What is 6 x 7?\"}]}", "traceparent", TRACEPARENT);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                answer = JSON.readTree(r.body());
            }
            Received request = receiver.only("chat vote@3:fake-model");
            assertThat(request.traceId()).isEqualTo(CLIENT_TRACE);
            assertThat(request.kind()).isEqualTo("SPAN_KIND_SERVER");
            assertThat(request.attributes()).containsEntry("gen_ai.response.id", answer.path("id").asText()).containsEntry("ponder.strategy", "vote@3")
                    .containsEntry("gen_ai.request.max_tokens", 64L).containsEntry("http.response.status_code", 200L);
            assertThat(answer.path("id").asText()).startsWith("msg_");
            Received step = receiver.only("ponder sample");
            assertThat(step.parentSpanId()).isEqualTo(request.spanId());
            Received call = receiver.only("chat fake-upstream-model");
            assertThat(call.parentSpanId()).isEqualTo(step.spanId());
            assertThat(parentOf(up.requests().getFirst())).isEqualTo(call.spanId());
        }
    }

    @Test
    void a_relayed_embedding_is_an_embeddings_span_with_one_client_call_under_it() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start();
             FakeOpenAiServer up = FakeOpenAiServer.start(r -> new FakeReply.Raw(200, "application/json", RelayedEndpointsTest.EMBEDDING))) {
            try (ProxyServer p = proxy(receiver, up)) {
                var r = Http.post(Fixtures.root(p), "v1/embeddings", "{\"model\": \"fake-model\", \"input\": \"a b\"}", "traceparent", TRACEPARENT);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
            Received request = receiver.only("embeddings fake-model");
            assertThat(request.kind()).isEqualTo("SPAN_KIND_SERVER");
            assertThat(request.attributes()).containsEntry("gen_ai.operation.name", "embeddings").doesNotContainKey("gen_ai.response.id")
                    .containsEntry("gen_ai.usage.input_tokens", 7L);
            Received call = receiver.only("embeddings fake-upstream-model");
            assertThat(call.parentSpanId()).isEqualTo(request.spanId());
            assertThat(call.kind()).isEqualTo("SPAN_KIND_CLIENT");
            assertThat(call.attributes()).containsEntry("gen_ai.operation.name", "embeddings").containsEntry("ponder.attempts", 1L);
            assertThat(parentOf(up.requests().getFirst())).isEqualTo(call.spanId());
        }
    }

    @Test
    void without_telemetry_the_upstream_gets_no_trace_context_even_when_the_client_sent_one() throws Exception {
        try (FakeOpenAiServer up = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("The answer is 42.")))) {
            try (ProxyServer p = proxy(null, up)) {
                ask(p, "fake-model", "traceparent", TRACEPARENT);
                ask(p, "vote@3:fake-model", "traceparent", TRACEPARENT);
            }
            assertThat(up.requests()).hasSize(2).allSatisfy(r -> assertThat(r.header("traceparent")).isEmpty());
        }
    }

    @Test
    void a_refused_request_is_a_span_with_its_error() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start(); FakeOpenAiServer up = FakeOpenAiServer.start()) {
            try (ProxyServer p = proxy(receiver, up)) {
                var r = Http.post(Fixtures.root(p), "v1/chat/completions", Fixtures.chat("nope", "q", ""), "traceparent", TRACEPARENT);
                assertThat(r.status()).isEqualTo(404);
            }
            Received request = receiver.only("chat nope");
            assertThat(request.traceId()).isEqualTo(CLIENT_TRACE);
            assertThat(request.status()).isEqualTo("STATUS_CODE_ERROR");
            assertThat(request.attributes()).containsEntry("http.response.status_code", 404L).containsKey("error.type");
            assertThat(up.requests()).isEmpty();
        }
    }
}
