package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.testing.FakeOpenAiServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code store: true}: kept with its samples and metadata for its key, readable at once, and written beside the ledger. */
@Timeout(60)
class StoredCompletionsTest {
    private static final String A = "Authorization";
    @TempDir Path dir;

    @Test
    void stored_requests_are_kept_on_every_path_for_their_key_and_written_beside_the_ledger() throws Exception {
        try (var up = FakeOpenAiServer.start(); var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("up", up.baseUrl())),
                List.of(KeysAndBudgetsTest.key("a", "sk-a", Optional.empty(), OptionalInt.empty(), Set.of()),
                        KeysAndBudgetsTest.key("b", "sk-b", Optional.empty(), OptionalInt.empty(), Set.of())), Optional.of("ledger.jsonl"), dir))) {
            var root = Fixtures.root(proxy);
            String store = "\"store\": true, \"metadata\": {\"team\": \"blue\"}";
            JsonNode relayed = RelayTest.ok(Http.post(root, "v1/chat/completions", Fixtures.chat("fake-model", "What is 6 x 7?", store), A, "Bearer sk-a"));
            JsonNode voted = RelayTest.ok(Http.post(root, "v1/chat/completions", Fixtures.chat("vote@3:fake-model", "What is 6 x 7?",
                    store + ", \"ponder\": {\"reference\": \"42\"}"), A, "Bearer sk-a"));
            var streamed = Http.post(root, "v1/chat/completions", Fixtures.chat("fake-model", "Say 42", "\"store\": true, \"stream\": true"), A, "Bearer sk-a");
            assertThat(streamed.body()).endsWith("data: [DONE]\n\n");
            RelayTest.ok(Http.post(root, "v1/chat/completions", Fixtures.chat("fake-model", "not kept", ""), A, "Bearer sk-a"));
            assertThat(up.requests()).allSatisfy(r -> assertThat(r.body().has("store")).isFalse());

            JsonNode kept = RelayTest.ok(Http.get(root, "v1/chat/completions/" + voted.path("id").asText(), A, "Bearer sk-a"));
            assertThat(kept.path("metadata").path("team").asText()).isEqualTo("blue");
            assertThat(kept.path("request").path("messages").get(0).path("content").asText()).isEqualTo("What is 6 x 7?");
            assertThat(kept.path("request").path("reference").asText()).isEqualTo("42");
            assertThat(kept.path("choices").get(0).path("message").path("content").asText()).isEqualTo("The answer is 42.");
            assertThat(kept.path("ponder").path("samples")).hasSize(3);
            assertThat(kept.path("ponder").path("answer").asText()).isEqualTo("42");
            assertThat(Http.get(root, "v1/chat/completions/" + voted.path("id").asText(), A, "Bearer sk-b").status()).as("another key's").isEqualTo(404);

            JsonNode all = RelayTest.ok(Http.get(root, "v1/chat/completions", A, "Bearer sk-a"));
            assertThat(all.path("data")).hasSize(3);
            assertThat(all.path("first_id").asText()).isEqualTo(relayed.path("id").asText());
            JsonNode blue = RelayTest.ok(Http.get(root, "v1/chat/completions?metadata%5Bteam%5D=blue&limit=1&order=desc", A, "Bearer sk-a"));
            assertThat(blue.path("data")).hasSize(1);
            assertThat(blue.path("data").get(0).path("id").asText()).isEqualTo(voted.path("id").asText());
            assertThat(blue.path("has_more").asBoolean()).isTrue();
            assertThat(RelayTest.ok(Http.get(root, "v1/chat/completions", A, "Bearer sk-b")).path("data")).isEmpty();
            assertThat(Http.get(root, "v1/chat/completions?limit=0", A, "Bearer sk-a").body()).contains("limit must be a whole number in 1..100");
            assertThat(Http.post(root, "v1/chat/completions", Fixtures.chat("fake-model", "x", "\"store\": \"yes\""), A, "Bearer sk-a").body())
                    .contains("\"param\":\"store\"");
        }
        List<String> lines = Files.readAllLines(dir.resolve(ProxyServer.STORED_FILE), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).contains("Say 42").contains("The answer is 42.");
        try (var up = FakeOpenAiServer.start(); var again = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("up", up.baseUrl())),
                List.of(KeysAndBudgetsTest.key("a", "sk-a", Optional.empty(), OptionalInt.empty(), Set.of())), Optional.of("ledger.jsonl"), dir))) {
            assertThat(RelayTest.ok(Http.get(Fixtures.root(again), "v1/chat/completions", A, "Bearer sk-a")).path("data")).as("read back on start")
                    .hasSize(3);
        }
    }
}
