package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.server.config.KeyConfig;
import dev.ponder.server.config.Period;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysAndBudgetsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    static KeyConfig key(String id, String secret, Optional<Double> dollars, OptionalInt rpm, Set<String> models) {
        return new KeyConfig(id, KeyConfig.hash(secret), dollars.map(d -> new KeyConfig.DollarBudget(d, Period.DAY)), rpm,
                OptionalLong.empty(), models);
    }

    static double ledgerDollars(Path ledger, String key) throws Exception {
        double sum = 0;
        for (String l : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(l);
            if (n.path("key").asText().equals(key)) sum += n.path("dollars").asDouble();
        }
        return sum;
    }

    @Test
    void keys_are_checked_and_errors_say_which_limit() throws Exception {
        try (var up = FakeOpenAiServer.start();
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())),
                     List.of(key("team-a", "sk-a", Optional.empty(), OptionalInt.of(2), Set.of()),
                             key("team-b", "sk-b", Optional.empty(), OptionalInt.empty(), Set.of("other-model")),
                             key("team-c", "sk-c", Optional.of(0.0001), OptionalInt.empty(), Set.of())),
                     Optional.of("ledger.jsonl"), dir))) {
            var root = Fixtures.root(proxy);
            String body = Fixtures.chat("fake-model", "hi", "\"max_tokens\": 10");
            var none = Http.post(root, "v1/chat/completions", body);
            assertThat(none.status()).isEqualTo(401);
            assertThat(JSON.readTree(none.body()).path("error").path("message").asText()).contains("missing API key");
            assertThat(Http.post(root, "v1/chat/completions", body, "Authorization", "Bearer sk-wrong").status()).isEqualTo(401);
            assertThat(Http.get(root, "v1/models").status()).isEqualTo(401);
            var forbidden = Http.post(root, "v1/chat/completions", body, "Authorization", "Bearer sk-b");
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(JSON.readTree(forbidden.body()).path("error").path("message").asText()).contains("team-b may not use model fake-model");
            assertThat(Http.post(root, "v1/chat/completions", body, "Authorization", "Bearer sk-a").status()).isEqualTo(200);
            var second = Http.post(root, "v1/chat/completions", body, "Authorization", "Bearer sk-a");
            assertThat(second.status()).isEqualTo(200);
            var limited = Http.post(root, "v1/chat/completions", body, "Authorization", "Bearer sk-a");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(JSON.readTree(limited.body()).path("error").path("message").asText()).contains("request rate limit of 2 per minute");
            long retry = Long.parseLong(limited.header("retry-after"));
            assertThat(retry).as("the key's limit says when to come back").isBetween(1L, 60L);
            assertThat(JSON.readTree(limited.body()).path("error").path("message").asText()).contains("retry in " + retry + " s");
            var broke = Http.post(root, "v1/chat/completions", body, "Authorization", "Bearer sk-c");
            assertThat(broke.status()).isEqualTo(429);
            JsonNode e = JSON.readTree(broke.body()).path("error");
            assertThat(e.path("code").asText()).isEqualTo("budget_exceeded");
            assertThat(e.path("message").asText()).contains("dollar budget exceeded");
            assertThat(up.requestCount()).as("refused requests never reach the upstream").isEqualTo(2);
            // traces are readable by their own key only
            String trace = "v1/ponder/traces/" + JSON.readTree(second.body()).path("ponder").path("trace_id").asText();
            assertThat(Http.get(root, trace, "Authorization", "Bearer sk-a").status()).isEqualTo(200);
            assertThat(Http.get(root, trace, "Authorization", "Bearer sk-c").status()).isEqualTo(404);
        }
    }

    /** 200 requests at once against a budget that covers about a tenth of them: spend never passes the budget. */
    @Test
    void concurrent_requests_never_overspend_the_key_budget() throws Exception {
        double budget = 0.25;
        Path ledger = dir.resolve("ledger.jsonl");
        double answered = 0;
        try (var up = FakeOpenAiServer.start();
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())),
                     List.of(key("small", "sk-small", Optional.of(budget), OptionalInt.empty(), Set.of())), Optional.of("ledger.jsonl"), dir))) {
            var root = Fixtures.root(proxy);
            List<Future<Http.Response>> futures = new ArrayList<>();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 200; i++) {
                    futures.add(pool.submit(() -> Http.post(root, "v1/chat/completions",
                            Fixtures.chat("fake-model", "what is six times seven", "\"max_tokens\": 10"), "Authorization", "Bearer sk-small")));
                }
            }
            int ok = 0;
            int refused = 0;
            for (var f : futures) {
                var r = f.get();
                if (r.status() == 200) {
                    ok++;
                    answered += JSON.readTree(r.body()).path("ponder").path("dollars").asDouble();
                } else {
                    assertThat(r.status()).as(r.body()).isEqualTo(429);
                    assertThat(JSON.readTree(r.body()).path("error").path("code").asText()).isEqualTo("budget_exceeded");
                    refused++;
                }
            }
            assertThat(ok).isPositive();
            assertThat(refused).isPositive();
            assertThat(up.requestCount()).isEqualTo(ok);
        }
        // the ledger file is written off the event loop; closing the proxy waits for the writes under way
        double spent = ledgerDollars(ledger, "small");
        assertThat(spent).as("ledger spend").isLessThanOrEqualTo(budget + 1e-9);
        assertThat(spent).as("the ledger books what the responses reported").isCloseTo(answered, Offset.offset(1e-9));
        // the file ledger keeps the spend across a restart
        try (var up = FakeOpenAiServer.start();
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())),
                     List.of(key("small", "sk-small", Optional.of(budget), OptionalInt.empty(), Set.of())), Optional.of("ledger.jsonl"), dir))) {
            double before = ledgerDollars(ledger, "small");
            int status = 0;
            for (int i = 0; i < 100 && status != 429; i++) {
                status = Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("fake-model", "what is six times seven", "\"max_tokens\": 10"),
                        "Authorization", "Bearer sk-small").status();
            }
            assertThat(status).isEqualTo(429);
            assertThat(ledgerDollars(ledger, "small")).isLessThanOrEqualTo(budget + 1e-9).isGreaterThanOrEqualTo(before);
        }
    }
}
