package dev.ponder.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.OtlpReceiver;
import dev.ponder.core.testing.OtlpReceiver.Received;
import dev.ponder.server.ProxyServer;
import dev.ponder.server.config.ConfigFile;
import dev.ponder.server.config.ProxyConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ponder serve} traced by its config's telemetry section, or by the standard variables when it has none. */
class ServeTelemetryTest {
    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    @TempDir Path dir;

    private ProxyConfig config(FakeOpenAiServer up, String telemetry) throws Exception {
        Path f = Files.writeString(dir.resolve("serve.yaml"), "server: {port: 0}\nbanks: none\nupstreams:\n"
                + "  - {name: a, base_url: \"" + up.baseUrl() + "\", models: [fake-model], max_retries: 0}\n"
                + "prices:\n  fake-model: {input: 1, output: 1}\n" + telemetry);
        return ConfigFile.load(f, List::of);
    }

    private static void ask(ProxyServer s) throws Exception {
        String body = "{\"model\": \"vote@3:fake-model\", \"messages\": [{\"role\": \"user\", \"content\": \"What is 6 x 7?\"}]}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").header("traceparent", "00-" + TRACE + "-b7ad6b7169203331-01")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void the_standard_variables_trace_a_config_without_a_telemetry_section() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start();
             FakeOpenAiServer up = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("The answer is 42.")))) {
            ProxyConfig c = ServeCommand.withEnvironment(config(up, ""), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.baseUrl(),
                    "OTEL_SERVICE_NAME", "gateway"));
            try (ProxyServer s = ServeCommand.start(c, false)) {
                ask(s);
            }
            Received request = receiver.only("chat vote@3:fake-model");
            assertThat(request.traceId()).isEqualTo(TRACE);
            assertThat(request.resource()).containsEntry("service.name", "gateway");
            assertThat(receiver.children(request)).extracting(Received::name).containsExactly("ponder sample");
        }
    }

    @Test
    void a_telemetry_section_wins_over_the_variables_and_a_bad_variable_names_itself() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start(); FakeOpenAiServer up = FakeOpenAiServer.start()) {
            ProxyConfig c = config(up, "telemetry: {endpoint: \"" + receiver.baseUrl() + "\", service_name: from-file}\n");
            assertThat(ServeCommand.withEnvironment(c, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://elsewhere:4318"))).isEqualTo(c);
            assertThat(ServeCommand.withEnvironment(config(up, ""), Map.of()).telemetry()).as("off by default").isEmpty();
            assertThatThrownBy(() -> ServeCommand.withEnvironment(config(up, ""), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "4318")))
                    .isInstanceOf(PonderException.class)
                    .hasMessage("OTEL_EXPORTER_OTLP_ENDPOINT: must be an http:// or https:// URL with a host, e.g. http://localhost:4318, was 4318");
        }
    }
}
