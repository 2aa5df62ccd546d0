package dev.ponder.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Main;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.server.ProxyServer;
import dev.ponder.server.config.ConfigFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ponder route train} writes a router file; a serve config naming it answers {@code model: auto}. */
class ServeAutoTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    private Path outcomes() throws Exception {
        Path d = Files.createDirectories(dir.resolve("outcomes"));
        StringBuilder csv = new StringBuilder("query_id,model,score,cost_usd\n"), q = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            boolean hard = i % 2 == 0;
            q.append("{\"query_id\": \"").append(i).append("\", \"question\": \"")
                    .append(hard ? "Prove that the following long statement about primes and their gaps holds for every n above " + i : "What is " + i + "?")
                    .append("\"}\n");
            csv.append(i).append(",cheap,").append(hard ? 0 : 1).append(",0.001\n");
            csv.append(i).append(",strong,1,0.02\n");
        }
        Files.writeString(d.resolve("outcomes.csv"), csv);
        Files.writeString(d.resolve("queries.jsonl"), q);
        return d;
    }

    private static JsonNode ask(ProxyServer s, String question) throws Exception {
        String body = "{\"model\": \"auto\", \"messages\": [{\"role\": \"user\", \"content\": \"" + question + "\"}]}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("ponder").path("route");
    }

    @Test
    void a_trained_router_file_drives_the_auto_model() throws Exception {
        Path model = dir.resolve("router.json");
        int code = Main.commandLine().execute("route", "train", "--outcomes", outcomes().toString(), "--out", model.toString(), "--predictor", "length-keyword");
        assertThat(code).isZero();
        try (var cheap = FakeOpenAiServer.start(); var strong = FakeOpenAiServer.start()) {
            Path config = dir.resolve("serve.yaml");
            Files.writeString(config, "server: {port: 0}\nbanks: none\nupstreams:\n"
                    + "  - {name: a, base_url: \"" + cheap.baseUrl() + "\", models: [cheap], max_retries: 0}\n"
                    + "  - {name: b, base_url: \"" + strong.baseUrl() + "\", models: [strong], max_retries: 0}\n"
                    + "prices:\n  cheap: {input: 1, output: 1}\n  strong: {input: 20, output: 20}\n"
                    + "router:\n  model: router.json\n  knob: {lambda: 10}\n  tiers:\n    strong: vote@3:strong\n");
            try (ProxyServer s = ServeCommand.start(ConfigFile.load(config, List::of), false)) {
                assertThat(s.modelIds()).contains("auto");
                assertThat(ask(s, "What is 7?").path("tier").asText()).isEqualTo("single:cheap");
                JsonNode hard = ask(s, "Prove that the following long statement about primes and their gaps holds for every n above 1000");
                assertThat(hard.path("tier").asText()).isEqualTo("single:strong");
                assertThat(hard.path("target").asText()).isEqualTo("vote@3:strong");
                assertThat(strong.requestCount()).isPositive();
            }
        }
    }
}
