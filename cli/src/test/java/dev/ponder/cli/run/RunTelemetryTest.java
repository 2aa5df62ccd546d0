package dev.ponder.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.cli.Cli;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.OtlpReceiver;
import dev.ponder.core.testing.OtlpReceiver.Received;
import dev.ponder.core.testing.SharedData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lab run traced to a collector: one trace, the run at its root, a span per problem and strategy, their steps and calls. */
class RunTelemetryTest {
    private static final String IO = SharedData.shippedBank("game24-gpt4-io").toString();
    @TempDir Path dir;

    @Test
    void a_live_run_is_one_trace_whose_problems_steps_and_upstream_calls_the_collector_receives() throws Exception {
        Path problems = Files.writeString(dir.resolve("p.jsonl"), "{\"id\": \"p1\", \"question\": \"What is 6 x 7?\", \"reference\": \"42\"}\n"
                + "{\"id\": \"p2\", \"question\": \"What is 5 x 8?\", \"reference\": \"40\"}\n");
        try (OtlpReceiver receiver = OtlpReceiver.start();
             FakeOpenAiServer up = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("The answer is 42.")))) {
            Cli c = Cli.run("run", "--problems", problems.toString(), "--base-url", up.baseUrl().toString(), "--model", "fake-model",
                    "--strategy", "vote@3", "--otlp", receiver.baseUrl(), "--json");
            assertThat(c.exit()).as(c.err()).isZero();

            Received run = receiver.only("ponder run");
            assertThat(run.root()).isTrue();
            assertThat((String) run.attribute("ponder.run")).endsWith("p.jsonl");
            List<Received> solved = receiver.children(run);
            assertThat(solved).extracting(Received::name).containsOnly("chat vote@3:fake-model").hasSize(2);
            assertThat(solved).extracting(s -> s.attribute("ponder.problem_id")).containsExactlyInAnyOrder("p1", "p2");
            assertThat(solved).extracting(s -> s.attribute("gen_ai.request.seed")).containsOnly(0L);
            for (Received problem : solved) {
                assertThat(problem.attributes()).containsEntry("ponder.strategy", "vote@3").containsEntry("ponder.samples", 3L)
                        .containsEntry("ponder.vote.votes", 3L).containsEntry("ponder.stop_reason", "DONE");
                Received step = receiver.children(problem).getFirst();
                assertThat(step.name()).isEqualTo("ponder sample");
                Received call = receiver.children(step).getFirst();
                assertThat(call.name()).isEqualTo("chat fake-model");
                assertThat(call.kind()).isEqualTo("SPAN_KIND_CLIENT");
            }
            assertThat(receiver.spans()).extracting(Received::traceId).containsOnly(run.traceId());
            assertThat(up.requests()).hasSize(2).allSatisfy(r -> assertThat(r.header("traceparent").orElseThrow()).contains(run.traceId()));
            assertThat(run.resource()).containsEntry("service.name", "ponder");
        }
    }

    @Test
    void a_plans_otlp_field_traces_a_replay_run_to_the_collector() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            Path plan = Files.writeString(dir.resolve("p.yaml"), "name: traced\nsources: [{bank: " + IO + ", limit: 3}]\nstrategies: [vote@5]\n"
                    + "otlp: " + receiver.baseUrl() + "\n");
            Cli c = Cli.run("run", plan.toString(), "--store", dir.resolve("s.duckdb").toString(), "--no-report", "--no-progress");
            assertThat(c.exit()).as(c.err()).isZero();
            assertThat(c.err()).as("every span ended was delivered").doesNotContain("warning");

            Received run = receiver.only("ponder run");
            assertThat(run.attributes()).containsEntry("ponder.run", "traced");
            List<Received> solved = receiver.children(run);
            assertThat(solved).hasSize(3).allSatisfy(s -> {
                assertThat(s.name()).isEqualTo("chat vote@5:gpt-4");
                assertThat(s.attributes()).containsEntry("ponder.samples", 5L).containsKey("ponder.vote.share");
                assertThat(receiver.children(s)).isNotEmpty().allSatisfy(step -> assertThat(step.attributes())
                        .containsEntry("ponder.backend", "replay:game24-gpt4-io").containsEntry("ponder.step", "sample"));
            });
        }
    }

    @Test
    void the_standard_variables_turn_tracing_on_and_name_the_service_and_headers() {
        StringWriter err = new StringWriter();
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            Map<String, String> env = Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl(), "OTEL_SERVICE_NAME", "lab-ci",
                    "OTEL_EXPORTER_OTLP_HEADERS", "x-api-key=k1");
            try (RunTelemetry t = RunTelemetry.start(Optional.empty(), "--otlp", env, new PrintWriter(err, true))) {
                t.run("nightly", () -> { });
            }
            assertThat(receiver.only("ponder run").resource()).containsEntry("service.name", "lab-ci");
            assertThat(receiver.only("ponder run").attributes()).containsEntry("ponder.run", "nightly");
            assertThat(receiver.requestHeaders()).allSatisfy(h -> assertThat(h).containsEntry("x-api-key", List.of("k1")));
            try (RunTelemetry t = RunTelemetry.start(Optional.empty(), "--otlp", Map.of(), new PrintWriter(err, true))) {
                t.run("untraced", () -> { });
            }
            assertThat(receiver.names()).as("no endpoint, no trace").containsExactly("ponder run");
            try (RunTelemetry t = RunTelemetry.start(Optional.of(receiver.baseUrl()), "--otlp", Map.of(), new PrintWriter(err, true))) {
                assertThatThrownBy(() -> t.run("failing", () -> { throw PonderException.invalid("no such bank"); })).hasMessage("no such bank");
            }
            Received failed = receiver.spans().getLast();
            assertThat(failed.attributes()).containsEntry("ponder.run", "failing").containsEntry("error.type", "INVALID_INPUT");
            assertThat(failed.status()).isEqualTo("STATUS_CODE_ERROR");
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void a_collector_that_cannot_be_reached_costs_one_warning_line_and_the_run_still_completes() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Cli c = Cli.run("run", "--bank", IO, "--strategy", "vote@3", "--limit", "2", "--otlp", "http://127.0.0.1:" + closed, "--json");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("vote@3");
        assertThat(c.err()).contains("ponder: warning: traces could not be sent to http://127.0.0.1:" + closed + "/v1/traces: connection refused")
                .containsPattern("ponder: warning: the collector did not get all of the run's trace \\(\\d+ spans lost\\)")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void a_bad_collector_url_is_one_line_naming_the_flag_field_or_variable() throws Exception {
        Cli c = Cli.run("run", "--bank", IO, "--strategy", "single", "--otlp", "localhost:4318");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err().strip()).startsWith("ponder: --otlp: must be an http:// or https:// URL with a host").doesNotContain("\n");
        c = Cli.run("run", "--bank", IO, "--strategy", "single", "--otlp", " ");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err().strip()).isEqualTo("ponder: --otlp: is empty; give a collector's URL, e.g. http://localhost:4318");
        Path plan = Files.writeString(dir.resolve("bad.yaml"), "name: traced\nsources: [{bank: " + IO + "}]\nstrategies: [single]\notlp: collector\n");
        c = Cli.run("run", plan.toString(), "--store", dir.resolve("s.duckdb").toString(), "--no-report");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err().strip()).startsWith("ponder: " + plan).contains("otlp must be a collector's http:// or https:// URL, was \"collector\"")
                .doesNotContain("\n");
        assertThatThrownBy(() -> RunTelemetry.start(Optional.empty(), "--otlp", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318"),
                new PrintWriter(new StringWriter()))).isInstanceOf(PonderException.class)
                .hasMessageStartingWith("OTEL_EXPORTER_OTLP_ENDPOINT: must be an http:// or https:// URL with a host");
    }
}
