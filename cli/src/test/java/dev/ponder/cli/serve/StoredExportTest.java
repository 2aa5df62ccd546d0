package dev.ponder.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.cli.Cli;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
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

/** Requests served with {@code store: true} become fine-tuning data through {@code ponder export --stored}. */
class StoredExportTest {
    @TempDir Path dir;

    private static void ask(ProxyServer s, String model, String question) throws Exception {
        String body = "{\"model\": \"" + model + "\", \"store\": true, \"metadata\": {\"app\": \"quiz\"}, \"messages\": [{\"role\": \"user\","
                + " \"content\": \"" + question + "\"}]}";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void stored_completions_export_as_validated_fine_tuning_lines() throws Exception {
        Path config = dir.resolve("serve.yaml");
        try (var up = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text(i == 2 ? "The answer is 41." : "The answer is 42.")))) {
            Files.writeString(config, "server: {port: 0}\nbanks: none\nledger: ledger.jsonl\nupstreams:\n"
                    + "  - {name: a, base_url: \"" + up.baseUrl() + "\", models: [m], max_retries: 0, answer: number}\n");
            try (ProxyServer s = ServeCommand.start(ConfigFile.load(config, List::of), false)) {
                ask(s, "vote@3:m", "What is 6 x 7?");
                ask(s, "vote@3:m", "What is 40 + 2?");
                ask(s, "m", "Say 42");
            }
        }
        Path stored = dir.resolve(ProxyServer.STORED_FILE);
        assertThat(Files.readAllLines(stored)).hasSize(3);
        Path out = dir.resolve("sft.jsonl");
        Cli c = Cli.run("export", "--stored", stored.toString(), "--finetune", out.toString(), "--accept", "majority");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.out()).contains("wrote " + out);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).contains("The answer is 42.").doesNotContain("The answer is 41"));
        assertThat(String.join("\n", lines)).contains("What is 6 x 7?").contains("What is 40 + 2?");
        Cli v = Cli.run("export", "--validate", out.toString());
        assertThat(v.exit()).as(v.out()).isZero();
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"id\": 3}\n");
        Cli refused = Cli.run("export", "--stored", bad.toString(), "--finetune", dir.resolve("x.jsonl").toString(), "--accept", "majority");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err().strip()).isEqualTo("ponder: line 1 of " + bad + ": not a stored completion (id is missing)");
    }
}
