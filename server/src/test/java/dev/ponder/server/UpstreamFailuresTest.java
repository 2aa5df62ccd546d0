package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeReply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every path a request can take (relayed, streamed by the engine, a tool call passed through as a stream, a strategy,
 * a streamed strategy, a plain completion, an embedding) against an upstream that fails in each way: each ends in the status and OpenAI error
 * a client can act on, naming the upstream, and the ledger books the request once with that status and nothing spent.
 */
@Timeout(60)
class UpstreamFailuresTest {
    private static final String TOOLS = "\"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"f\", \"parameters\": {}}}]";
    private static final List<String> PATHS = List.of(Fixtures.chat("fake-model", "hi", ""), Fixtures.chat("fake-model", "hi", "\"stream\": true"),
            Fixtures.chat("fake-model", "hi", "\"stream\": true, " + TOOLS), Fixtures.chat("vote@3:fake-model", "hi", ""),
            Fixtures.chat("vote@3:fake-model", "hi", "\"stream\": true"));
    /** The endpoints relayed as written: path and body. */
    private static final List<String[]> RELAYED = List.of(new String[] {"v1/completions", "{\"model\": \"fake-model\", \"prompt\": \"hi\"}"},
            new String[] {"v1/embeddings", "{\"model\": \"fake-model\", \"input\": \"hi\"}"});
    @TempDir Path dir;

    /** A way to fail, and what a client must see for it. */
    enum Failure {
        DOWN(() -> null, 502, "upstream_unavailable", "cannot connect"),
        UNAUTHORIZED(() -> FakeReply.error(401, "Incorrect API key provided"), 502, "upstream_error", "not about your key"),
        FORBIDDEN(() -> FakeReply.error(403, "Project does not have access"), 502, "upstream_error", "HTTP 403"),
        RATE_LIMITED(() -> FakeReply.rateLimited("7"), 429, "upstream_rate_limited", "not your key's limit"),
        SERVER_ERROR(FakeReply::serverError, 502, "upstream_unavailable", "HTTP 500"),
        NOT_JSON(() -> new FakeReply.Raw(200, "text/html", "<html>Bad gateway</html>"), 502, "", "without \\[DONE\\]|<html>"),
        TRUNCATED_JSON(FakeReply::malformed, 502, "bad_upstream_response", "malformed JSON");

        final Supplier<FakeReply> reply;
        final int status;
        final String code;
        final String says;

        Failure(Supplier<FakeReply> reply, int status, String code, String says) {
            this.reply = reply;
            this.status = status;
            this.code = code;
            this.says = says;
        }
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void every_path_ends_in_an_openai_error_naming_the_upstream_and_the_ledger_books_it_once(Failure f) throws Exception {
        URI upstream;
        FakeOpenAiServer server = FakeOpenAiServer.start(r -> f.reply.get());
        upstream = server.baseUrl();
        if (f == Failure.DOWN) server.close();
        Path ledger = dir.resolve("ledger.jsonl");
        try (server; var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("flaky-up", upstream)),
                List.of(KeysAndBudgetsTest.key("k", "sk-k", Optional.of(10.0), OptionalInt.empty(), Set.of())), Optional.of("ledger.jsonl"), dir))) {
            for (String body : PATHS) {
                var r = Http.post(Fixtures.root(proxy), "v1/chat/completions", body, "Authorization", "Bearer sk-k");
                assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(f.status);
                assertThat(r.contentType()).startsWith("application/json");
                assertThat(r.body().strip()).doesNotContain("\n");
                JsonNode e = RelayTest.JSON.readTree(r.body()).path("error");
                if (!f.code.isEmpty()) assertThat(e.path("code").asText()).as(body).isEqualTo(f.code);
                assertThat(e.path("code").asText()).as("never the client's own key").isNotEqualTo("invalid_api_key");
                assertThat(e.path("type").asText()).isEqualTo(f.status == 429 ? "rate_limit_error" : "server_error");
                assertThat(e.path("message").asText()).contains("flaky-up").containsPattern(f.says);
                // the upstream's Retry-After reaches the client as headers its SDK reads; no other failure has them
                assertThat(r.header("retry-after")).as(body).isEqualTo(f == Failure.RATE_LIMITED ? "7" : "");
                assertThat(r.header("retry-after-ms")).as(body).isEqualTo(f == Failure.RATE_LIMITED ? "7000" : "");
            }
            for (String[] relayed : RELAYED) {
                var r = Http.post(Fixtures.root(proxy), relayed[0], relayed[1], "Authorization", "Bearer sk-k");
                assertThat(r.status()).as(relayed[0] + " -> " + r.body()).isEqualTo(f.status);
                JsonNode e = RelayTest.JSON.readTree(r.body()).path("error");
                assertThat(e.path("code").asText()).isNotEqualTo("invalid_api_key");
                assertThat(e.path("message").asText()).contains("flaky-up").containsPattern(f.says);
                assertThat(r.header("retry-after")).as(relayed[0]).isEqualTo(f == Failure.RATE_LIMITED ? "7" : "");
            }
            if (f == Failure.RATE_LIMITED) {
                var r = Http.post(Fixtures.root(proxy), "v1/chat/completions", PATHS.getFirst(), "Authorization", "Bearer sk-k");
                assertThat(RelayTest.JSON.readTree(r.body()).path("error").path("message").asText()).contains("retry in 7 s");
                var m = Http.post(Fixtures.root(proxy), "v1/messages", "{\"model\": \"fake-model\", \"max_tokens\": 16, \"messages\": [{\"role\": \"user\","
                        + " \"content\": \"hi\"}]}", "Authorization", "Bearer sk-k");
                assertThat(m.status()).isEqualTo(429);
                assertThat(RelayTest.JSON.readTree(m.body()).path("error").path("type").asText()).isEqualTo("rate_limit_error");
                assertThat(m.header("retry-after")).as("the Messages API's 429 carries it too").isEqualTo("7");
            }
        }
        List<String> lines = Files.readAllLines(ledger, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(PATHS.size() + RELAYED.size() + (f == Failure.RATE_LIMITED ? 2 : 0));
        for (String l : lines) {
            JsonNode n = RelayTest.JSON.readTree(l);
            assertThat(n.path("status").asInt()).as(l).isEqualTo(f.status);
            assertThat(n.path("dollars").asDouble()).as(l).isZero();
        }
    }

    @org.junit.jupiter.api.Test
    void a_cut_stream_ends_with_an_error_event_and_no_done_on_both_streamed_paths_and_books_what_was_delivered() throws Exception {
        Path ledger = dir.resolve("cut.jsonl");
        List<Boolean> delivered = new ArrayList<>();
        try (var up = FakeOpenAiServer.start(r -> FakeReply.texts("The answer is 42 .").cutAfter(2));
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("flaky-up", up.baseUrl())),
                     List.of(KeysAndBudgetsTest.key("k", "sk-k", Optional.of(10.0), OptionalInt.empty(), Set.of())), Optional.of("cut.jsonl"), dir))) {
            for (String body : List.of(PATHS.get(1), PATHS.get(2))) {
                var r = Http.post(Fixtures.root(proxy), "v1/chat/completions", body, "Authorization", "Bearer sk-k");
                delivered.add(r.status() == 200);
                // the cut may reach the proxy before the tokens it follows: then nothing was sent, and the answer is a plain 502
                String error = r.body().strip();
                if (r.status() == 200) {
                    assertThat(error).contains("\"content\":\"The\"").doesNotContain("[DONE]");
                    error = error.lines().reduce((a, b) -> b).orElseThrow().substring("data: ".length());
                } else {
                    assertThat(r.status()).isEqualTo(502);
                }
                JsonNode e = RelayTest.JSON.readTree(error).path("error");
                assertThat(e.path("code").asText()).isIn("stream_broken", "upstream_unavailable");
                assertThat(e.path("message").asText()).contains("fake-upstream-model");
            }
        }
        List<String> lines = Files.readAllLines(ledger, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"status\":502"));
        for (int i = 0; i < 2; i++) {
            JsonNode n = RelayTest.JSON.readTree(lines.get(i));
            // tokens that reached the client are booked (estimated: the upstream never sent its usage); none, nothing
            if (delivered.get(i)) assertThat(n.path("output_tokens").asInt()).as(lines.get(i)).isPositive();
            else assertThat(n.path("dollars").asDouble()).as(lines.get(i)).isZero();
        }
    }
}
