package dev.ponder.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.Policy;
import dev.ponder.core.Ponder;
import dev.ponder.core.Solution;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.anthropic.AnthropicBackend;
import dev.ponder.core.backend.anthropic.AnthropicConfig;
import dev.ponder.core.backend.openai.ApiKey;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.OtlpReceiver;
import dev.ponder.core.testing.OtlpReceiver.Received;
import dev.ponder.core.testing.TestTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LibraryTelemetryTest {

    private static Ponder.Builder engine(FakeOpenAiServer upstream) {
        return Ponder.builder().backend("fake-model", Backend.openAi(OpenAiConfig.builder(upstream.baseUrl()).model("fake-model")
                .sleeper(d -> { }).random(new SplittableRandom(1)).backoff(Duration.ofMillis(1), Duration.ofMillis(2)).build()));
    }

    @Test
    void a_solve_is_a_span_under_the_applications_own_with_a_step_and_an_upstream_call_that_the_upstream_sees_as_its_parent() {
        try (OtlpReceiver receiver = OtlpReceiver.start(); TestTelemetry otel = new TestTelemetry(receiver, "my-app");
             FakeOpenAiServer upstream = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("The answer is " + (i < 2 ? 42 : 41) + ".")))) {
            Ponder ponder = engine(upstream).telemetry(otel.openTelemetry()).build();
            Span app = otel.openTelemetry().getTracer("my-app").spanBuilder("handle order").startSpan();
            Solution s;
            try (Scope ignored = app.makeCurrent()) {
                s = ponder.solve("What is 6 x 7?", Policy.parse("vote@3:fake-model"));
            } finally {
                app.end();
            }
            otel.flush();

            Received root = receiver.only("handle order");
            Received request = receiver.only("chat vote@3:fake-model");
            assertThat(request.parentSpanId()).isEqualTo(root.spanId());
            assertThat(request.kind()).isEqualTo("SPAN_KIND_INTERNAL");
            assertThat(request.attributes()).containsEntry("gen_ai.operation.name", "chat").containsEntry("gen_ai.request.model", "vote@3:fake-model")
                    .containsEntry("ponder.strategy", "vote@3").containsEntry("ponder.stop_reason", "DONE").containsEntry("ponder.samples", 3L)
                    .containsEntry("ponder.vote.votes", 2L).containsEntry("ponder.vote.answers", 2L)
                    .containsEntry("gen_ai.usage.output_tokens", s.usage().outputTokens()).containsEntry("ponder.trace_id", s.trace().id());
            assertThat((double) request.attribute("ponder.vote.share")).isEqualTo(2.0 / 3);
            assertThat(request.resource()).containsEntry("service.name", "my-app");

            Received step = receiver.only("ponder sample");
            assertThat(step.parentSpanId()).isEqualTo(request.spanId());
            assertThat(step.attributes()).containsEntry("ponder.step", "sample").containsEntry("ponder.samples.requested", 3L)
                    .containsEntry("ponder.samples", 3L).containsEntry("ponder.attempts", 1L)
                    .containsEntry("ponder.backend", "openai:" + upstream.baseUrl());

            Received call = receiver.only("chat fake-model");
            assertThat(call.parentSpanId()).isEqualTo(step.spanId());
            assertThat(call.kind()).isEqualTo("SPAN_KIND_CLIENT");
            assertThat(call.attributes()).containsEntry("gen_ai.operation.name", "chat").containsEntry("gen_ai.provider.name", "openai")
                    .containsEntry("gen_ai.request.model", "fake-model").containsEntry("gen_ai.request.choice.count", 3L)
                    .containsEntry("gen_ai.response.model", "fake-model").containsEntry("gen_ai.response.id", "fake-0")
                    .containsEntry("gen_ai.response.finish_reasons", List.of("stop", "stop", "stop"))
                    .containsEntry("gen_ai.usage.input_tokens", s.usage().inputTokens())
                    .containsEntry("server.address", "127.0.0.1").containsEntry("server.port", (long) upstream.baseUrl().getPort());
            assertThat(List.of(root.traceId(), step.traceId(), call.traceId())).containsOnly(request.traceId());

            // the upstream's request carries the call span's context: its own spans would join this trace under it
            assertThat(upstream.requests()).hasSize(1);
            assertThat(upstream.requests().getFirst().header("traceparent").orElseThrow()).startsWith("00-" + call.traceId() + "-" + call.spanId() + "-");
        }
    }

    @Test
    void an_anthropic_upstream_call_is_a_client_span_of_its_own_provider_and_each_of_its_requests_carries_its_context() {
        try (OtlpReceiver receiver = OtlpReceiver.start(); TestTelemetry otel = new TestTelemetry(receiver, "my-app");
             FakeOpenAiServer upstream = FakeOpenAiServer.start(r -> FakeReply.texts("The answer is 42."));
             AnthropicBackend claude = Backend.anthropic(AnthropicConfig.of(OpenAiConfig.builder(upstream.root()).apiKey(ApiKey.of("sk-ant-test"))
                     .model("claude").modelName("claude", "claude-fake").sleeper(d -> { }).build()));
             Ponder ponder = Ponder.builder().backend("claude", claude).telemetry(otel.openTelemetry()).build()) {
            ponder.solve("What is 6 x 7?", Policy.parse("vote@2:claude"));
            otel.flush();

            Received step = receiver.only("ponder sample");
            Received call = receiver.only("chat claude-fake");
            assertThat(call.parentSpanId()).isEqualTo(step.spanId());
            assertThat(call.kind()).isEqualTo("SPAN_KIND_CLIENT");
            assertThat(call.attributes()).containsEntry("gen_ai.provider.name", "anthropic").containsEntry("gen_ai.request.choice.count", 2L)
                    .containsEntry("gen_ai.request.max_tokens", 4096L).containsEntry("gen_ai.response.finish_reasons", List.of("stop", "stop"))
                    .containsEntry("ponder.attempts", 1L).containsEntry("server.port", (long) upstream.root().getPort());
            assertThat(upstream.requests()).as("one request a sample, each in the call's context").hasSize(2).allSatisfy(r ->
                    assertThat(r.header("traceparent").orElseThrow()).startsWith("00-" + call.traceId() + "-" + call.spanId() + "-"));
        }
    }

    @Test
    void retries_stay_in_one_upstream_span_and_each_try_carries_its_context() {
        try (OtlpReceiver receiver = OtlpReceiver.start(); TestTelemetry otel = new TestTelemetry(receiver, "my-app");
             FakeOpenAiServer upstream = FakeOpenAiServer.start(r -> FakeReply.texts("42"))) {
            upstream.sequence(r -> FakeReply.texts("42"), FakeReply.serverError());
            engine(upstream).telemetry(otel.openTelemetry()).build().solve("q", Policy.parse("single:fake-model"));
            otel.flush();

            Received call = receiver.only("chat fake-model");
            assertThat(call.attributes()).containsEntry("ponder.attempts", 2L);
            assertThat(upstream.requests()).hasSize(2).allSatisfy(r ->
                    assertThat(r.header("traceparent").orElseThrow()).startsWith("00-" + call.traceId() + "-" + call.spanId() + "-"));
            Received request = receiver.only("chat single:fake-model");
            assertThat(request.root()).isTrue();
            assertThat(request.attributes()).doesNotContainKey("ponder.vote.votes").containsEntry("ponder.strategy", "single");
        }
    }

    @Test
    void a_failed_call_marks_its_spans_with_the_error_kind() {
        try (OtlpReceiver receiver = OtlpReceiver.start(); TestTelemetry otel = new TestTelemetry(receiver, "my-app");
             FakeOpenAiServer upstream = FakeOpenAiServer.start(r -> FakeReply.error(401, "bad key"))) {
            Solution s = engine(upstream).telemetry(otel.openTelemetry()).build().solve("q", Policy.parse("vote@2:fake-model"));
            otel.flush();

            assertThat(s.samples()).isEmpty();
            assertThat(receiver.only("chat fake-model").attributes()).containsEntry("error.type", "UNAUTHORIZED");
            assertThat(receiver.only("chat fake-model").status()).isEqualTo("STATUS_CODE_ERROR");
            assertThat(receiver.only("ponder sample").attributes()).containsEntry("error.type", "UNAUTHORIZED").containsEntry("ponder.stop_reason", "FAILED");
            assertThat(receiver.only("chat vote@2:fake-model").attributes()).containsEntry("error.type", "UNAUTHORIZED");
        }
    }

    @Test
    void without_telemetry_nothing_is_sent_and_the_upstream_gets_no_trace_context_not_even_the_applications() {
        try (OtlpReceiver receiver = OtlpReceiver.start(); TestTelemetry otel = new TestTelemetry(receiver, "my-app");
             FakeOpenAiServer upstream = FakeOpenAiServer.start()) {
            Span app = otel.openTelemetry().getTracer("my-app").spanBuilder("handle order").startSpan();
            try (Scope ignored = app.makeCurrent()) {
                engine(upstream).build().solve("q", Policy.parse("vote@2:fake-model"));
            } finally {
                app.end();
            }
            otel.flush();

            assertThat(receiver.names()).containsExactly("handle order");
            assertThat(upstream.requests().getFirst().header("traceparent")).isEmpty();
            assertThat(Telemetry.current().on()).isFalse();
        }
    }
}
