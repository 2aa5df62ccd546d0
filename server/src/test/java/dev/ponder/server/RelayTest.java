package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.server.config.UpstreamConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A non-streamed one-choice single request goes upstream as the client wrote it and comes back as the upstream wrote it. */
class RelayTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LOGPROBS = "{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.25,\"bytes\":[72,105],\"top_logprobs\":[]}]}";
    /** An upstream answer with fields Ponder's engine does not model, and no usage. */
    static final String RICH = "{\"id\":\"up-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake-upstream-model\","
            + "\"system_fingerprint\":\"fp_abc123\",\"service_tier\":\"default\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Hi there, this reply was cut\",\"refusal\":null},\"logprobs\":" + LOGPROBS + ",\"finish_reason\":\"length\"}]}";
    @TempDir Path dir;

    static FakeReply rich() { return new FakeReply.Raw(200, "application/json", RICH); }

    static JsonNode ok(Http.Response r) throws Exception {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static JsonNode trace(URI root, JsonNode answer, String... headers) throws Exception {
        var t = Http.get(root, "v1/ponder/traces/" + answer.path("ponder").path("trace_id").asText(), headers);
        assertThat(t.status()).as(t.body()).isEqualTo(200);
        return JSON.readTree(t.body());
    }

    static List<JsonNode> calls(JsonNode trace) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode run : trace.path("runs")) run.path("calls").forEach(out::add);
        return out;
    }

    private ProxyServer proxy(FakeOpenAiServer... ups) {
        List<UpstreamConfig> list = new ArrayList<>();
        for (int i = 0; i < ups.length; i++) list.add(Fixtures.upstream("u" + i, ups[i].baseUrl()));
        return Fixtures.start(Fixtures.config(list, List.of(), Optional.empty(), dir));
    }

    @Test
    void client_fields_reach_the_upstream_intact_with_only_the_model_renamed_and_no_ponder_field() throws Exception {
        String extra = "\"logprobs\": true, \"top_logprobs\": 2, \"response_format\": {\"type\": \"json_object\"}, \"user\": \"x\","
                + " \"temperature\": 0.2, \"metadata\": {\"team\": \"blue\"}, \"ponder\": {\"strategy\": \"single\"}";
        String body = Fixtures.chat("fake-model", "say hi", extra);
        try (var up = FakeOpenAiServer.start(r -> rich()); var proxy = proxy(up)) {
            ok(Http.post(Fixtures.root(proxy), "v1/chat/completions", body));
            assertThat(up.requestCount()).isEqualTo(1);
            JsonNode sent = up.requests().getFirst().body();
            var expected = (ObjectNode) JSON.readTree(body);
            expected.remove("ponder");
            expected.put("model", "fake-upstream-model");
            assertThat(sent).isEqualTo(expected);
            assertThat(sent.has("ponder")).isFalse();
        }
    }

    @Test
    void upstream_response_fields_survive_with_the_proxy_id_and_the_requested_model() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> rich()); var proxy = proxy(up)) {
            JsonNode d = ok(Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("fake-model", "say hi", "\"logprobs\": true")));
            JsonNode choice = d.path("choices").get(0);
            assertThat(choice.path("finish_reason").asText()).isEqualTo("length");
            assertThat(choice.path("logprobs")).isEqualTo(JSON.readTree(LOGPROBS));
            assertThat(choice.path("message").path("content").asText()).isEqualTo("Hi there, this reply was cut");
            assertThat(choice.path("message").has("refusal")).isTrue();
            assertThat(d.path("system_fingerprint").asText()).isEqualTo("fp_abc123");
            assertThat(d.path("service_tier").asText()).isEqualTo("default");
            assertThat(d.path("object").asText()).isEqualTo("chat.completion");
            assertThat(d.path("model").asText()).isEqualTo("fake-model");
            assertThat(d.path("id").asText()).startsWith("chatcmpl-").isEqualTo("chatcmpl-" + d.path("ponder").path("trace_id").asText());
            JsonNode p = d.path("ponder");
            assertThat(p.path("strategy").asText()).isEqualTo("single");
            assertThat(p.path("passthrough").asBoolean()).isTrue();
            assertThat(p.path("samples").asInt()).isEqualTo(1);
            assertThat(p.path("calls").asInt()).isEqualTo(1);
            assertThat(p.has("route")).as("no router was asked").isFalse();
        }
    }

    @Test
    void upstream_usage_is_kept_as_sent_and_priced() throws Exception {
        String withUsage = RICH.substring(0, RICH.length() - 1)
                + ",\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":8,\"total_tokens\":20,\"prompt_tokens_details\":{\"cached_tokens\":4}}}";
        try (var up = FakeOpenAiServer.start(r -> new FakeReply.Raw(200, "application/json", withUsage)); var proxy = proxy(up)) {
            JsonNode d = ok(Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("fake-model", "say hi", "")));
            assertThat(d.path("usage")).isEqualTo(JSON.readTree(withUsage).path("usage"));
            assertThat(d.path("ponder").path("dollars").asDouble()).as("20 tokens at $1000 per million").isCloseTo(0.02, Offset.offset(1e-9));
        }
    }

    @Test
    void an_answer_without_usage_gets_estimated_usage_and_is_charged() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> rich()); var proxy = proxy(up)) {
            JsonNode d = ok(Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("fake-model", "say hi to everyone here", "")));
            JsonNode u = d.path("usage");
            assertThat(u.isObject()).isTrue();
            assertThat(u.path("prompt_tokens").asLong()).as("23 chars, 4 a token").isEqualTo(6);
            assertThat(u.path("completion_tokens").asLong()).as("28 chars, 4 a token").isEqualTo(7);
            assertThat(u.path("total_tokens").asLong()).isEqualTo(13);
            assertThat(d.path("ponder").path("dollars").asDouble()).isPositive().isCloseTo(0.013, Offset.offset(1e-9));
        }
    }

    @Test
    void a_failing_first_upstream_is_skipped_and_then_cools_down() throws Exception {
        try (var bad = FakeOpenAiServer.start(r -> FakeReply.serverError());
             var good = FakeOpenAiServer.start(r -> rich());
             var proxy = proxy(bad, good)) {
            var root = Fixtures.root(proxy);
            JsonNode d = ok(Http.post(root, "v1/chat/completions", Fixtures.chat("fake-model", "say hi", "")));
            assertThat(d.path("choices").get(0).path("message").path("content").asText()).isEqualTo("Hi there, this reply was cut");
            assertThat(bad.requestCount()).isEqualTo(1);
            assertThat(good.requestCount()).isEqualTo(1);
            assertThat(d.path("ponder").path("calls").asInt()).as("the failed attempt counts").isEqualTo(2);
            List<JsonNode> calls = calls(trace(root, d));
            assertThat(calls).hasSize(1);
            assertThat(calls.getFirst().path("purpose").asText()).isEqualTo("relay");
            assertThat(calls.getFirst().path("attempts").asInt()).isEqualTo(2);
            // the failed upstream cools down: the next request goes straight to the good one
            ok(Http.post(root, "v1/chat/completions", Fixtures.chat("fake-model", "say hi again", "")));
            assertThat(bad.requestCount()).isEqualTo(1);
            assertThat(good.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void an_unavailable_first_upstream_is_skipped() throws Exception {
        try (var bad = FakeOpenAiServer.start(r -> FakeReply.error(503, "overloaded"));
             var good = FakeOpenAiServer.start(r -> rich());
             var proxy = proxy(bad, good)) {
            JsonNode d = ok(Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("fake-model", "say hi", "")));
            assertThat(d.path("system_fingerprint").asText()).isEqualTo("fp_abc123");
            assertThat(bad.requestCount()).isEqualTo(1);
            assertThat(good.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void a_malformed_answer_moves_to_the_next_upstream() throws Exception {
        try (var broken = FakeOpenAiServer.start(r -> FakeReply.malformed());
             var good = FakeOpenAiServer.start(r -> rich());
             var proxy = proxy(broken, good)) {
            JsonNode d = ok(Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("fake-model", "say hi", "")));
            assertThat(d.path("system_fingerprint").asText()).isEqualTo("fp_abc123");
            assertThat(broken.requestCount()).isEqualTo(1);
            assertThat(good.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void a_bad_request_from_the_upstream_is_not_retried_elsewhere_and_reaches_the_client_as_a_4xx() throws Exception {
        try (var picky = FakeOpenAiServer.start(r -> FakeReply.error(400, "response_format json_object needs the word json in a message"));
             var spare = FakeOpenAiServer.start(r -> rich());
             var proxy = proxy(picky, spare)) {
            var r = Http.post(Fixtures.root(proxy), "v1/chat/completions",
                    Fixtures.chat("fake-model", "say hi", "\"response_format\": {\"type\": \"json_object\"}"));
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/json");
            JsonNode e = JSON.readTree(r.body()).path("error");
            assertThat(e.path("message").asText()).contains("needs the word json");
            assertThat(e.path("type").asText()).isEqualTo("invalid_request_error");
            assertThat(picky.requestCount()).isEqualTo(1);
            assertThat(spare.requestCount()).as("a bad request would fail everywhere").isZero();
        }
    }

    @Test
    void the_trace_holds_the_relay_call_and_the_ledger_books_what_the_response_reported() throws Exception {
        Path ledger = dir.resolve("ledger.jsonl");
        double dollars;
        try (var up = FakeOpenAiServer.start(r -> rich());
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())),
                     List.of(KeysAndBudgetsTest.key("team", "sk-team", Optional.of(10.0), OptionalInt.empty(), Set.of())),
                     Optional.of("ledger.jsonl"), dir))) {
            var root = Fixtures.root(proxy);
            JsonNode d = ok(Http.post(root, "v1/chat/completions", Fixtures.chat("fake-model", "say hi to everyone here", ""),
                    "Authorization", "Bearer sk-team"));
            dollars = d.path("ponder").path("dollars").asDouble();
            JsonNode t = trace(root, d, "Authorization", "Bearer sk-team");
            assertThat(t.path("strategy").asText()).isEqualTo("single");
            assertThat(t.path("model").asText()).isEqualTo("fake-model");
            List<JsonNode> calls = calls(t);
            assertThat(calls).hasSize(1);
            JsonNode call = calls.getFirst();
            assertThat(call.path("purpose").asText()).isEqualTo("relay");
            assertThat(call.path("input_tokens").asLong()).isEqualTo(d.path("usage").path("prompt_tokens").asLong()).isPositive();
            assertThat(call.path("output_tokens").asLong()).isEqualTo(d.path("usage").path("completion_tokens").asLong()).isPositive();
            assertThat(call.path("dollars").asDouble()).isCloseTo(dollars, Offset.offset(1e-12));
            assertThat(call.has("error")).isFalse();
            assertThat(t.path("usage").path("dollars").asDouble()).isCloseTo(dollars, Offset.offset(1e-12));
        }
        // the ledger file is written off the event loop; closing the proxy waits for the writes under way
        assertThat(KeysAndBudgetsTest.ledgerDollars(ledger, "team")).isPositive().isCloseTo(dollars, Offset.offset(1e-12));
    }

    @Test
    void a_relay_failing_everywhere_is_an_openai_error_and_charges_nothing() throws Exception {
        Path ledger = dir.resolve("ledger.jsonl");
        try (var up = FakeOpenAiServer.start(r -> FakeReply.serverError());
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())),
                     List.of(KeysAndBudgetsTest.key("team", "sk-team", Optional.of(10.0), OptionalInt.empty(), Set.of())),
                     Optional.of("ledger.jsonl"), dir))) {
            var r = Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("fake-model", "say hi", ""), "Authorization", "Bearer sk-team");
            assertThat(r.status()).as(r.body()).isGreaterThanOrEqualTo(500);
            assertThat(JSON.readTree(r.body()).path("error").path("code").asText()).isEqualTo("upstream_unavailable");
            assertThat(KeysAndBudgetsTest.ledgerDollars(ledger, "team")).isZero();
        }
    }

    @Test
    void max_tokens_is_renamed_for_reasoning_style_upstream_models() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> rich());
             var proxy = Fixtures.start(Fixtures.config(List.of(new UpstreamConfig("a", up.baseUrl(), Optional.empty(),
                     Map.of("fake-model", "o3-mini"), 0, Duration.ofMillis(1), Duration.ofSeconds(20), "number")),
                     List.of(), Optional.empty(), dir))) {
            ok(Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("fake-model", "say hi", "\"max_tokens\": 30")));
            JsonNode sent = up.requests().getFirst().body();
            assertThat(sent.path("model").asText()).isEqualTo("o3-mini");
            assertThat(sent.path("max_completion_tokens").asInt()).isEqualTo(30);
            assertThat(sent.has("max_tokens")).isFalse();
        }
    }

    @Test
    void two_choices_go_through_the_engine_not_the_relay() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("answer " + i))); var proxy = proxy(up)) {
            var root = Fixtures.root(proxy);
            JsonNode d = ok(Http.post(root, "v1/chat/completions", Fixtures.chat("fake-model", "say hi", "\"n\": 2")));
            assertThat(d.path("choices")).hasSize(2);
            assertThat(d.path("ponder").has("passthrough")).isFalse();
            List<JsonNode> calls = calls(trace(root, d));
            assertThat(calls).isNotEmpty().noneMatch(c -> c.path("purpose").asText().equals("relay"));
        }
    }

    @Test
    void a_stream_goes_through_the_engine_not_the_relay() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.texts("fine thanks")); var proxy = proxy(up)) {
            var root = Fixtures.root(proxy);
            List<JsonNode> chunks = StreamingTest.data(StreamingTest.stream(root, Fixtures.chat("fake-model", "say hi", "\"stream\": true"), l -> { }));
            JsonNode p = chunks.getLast().path("ponder");
            assertThat(p.has("passthrough")).isFalse();
            JsonNode t = JSON.readTree(Http.get(root, "v1/ponder/traces/" + p.path("trace_id").asText()).body());
            assertThat(calls(t)).isNotEmpty().noneMatch(c -> c.path("purpose").asText().equals("relay"));
        }
    }

    @Test
    void the_metrics_count_every_try_behind_a_request() throws Exception {
        // the first try fails and the upstream's one retry answers: two tries behind one request
        try (var flaky = FakeOpenAiServer.start(r -> r.seq() == 0 ? FakeReply.serverError() : rich())) {
            UpstreamConfig retrying = new UpstreamConfig("flaky", flaky.baseUrl(), Optional.empty(), Map.of("fake-model", "up"), 1,
                    Duration.ofMillis(1), Duration.ofSeconds(20), "exact");
            try (var proxy = Fixtures.start(Fixtures.config(List.of(retrying), List.of(), Optional.empty(), dir))) {
                var root = Fixtures.root(proxy);
                assertThat(ok(Http.post(root, "v1/chat/completions", Fixtures.chat("fake-model", "say hi", ""))).path("ponder").path("calls").asInt())
                        .isEqualTo(2);
                // settled before the answer went out (the request's own count follows the answer)
                assertThat(Http.get(root, "metrics").body()).contains("ponder_attempts_total{key=\"anonymous\",strategy=\"single\"} 2.0");
            }
        }
    }
}
