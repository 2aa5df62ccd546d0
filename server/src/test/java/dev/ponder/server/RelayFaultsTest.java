package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.server.config.UpstreamConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Relayed requests (the proxy's non-blocking path) when upstreams are slow, and many at once. */
@Timeout(60)
class RelayFaultsTest {
    private static final Duration SHORT = Duration.ofMillis(300);
    @TempDir Path dir;

    @Test
    void an_upstream_that_does_not_answer_in_time_is_a_504_openai_error_not_a_hang() throws Exception {
        try (var slow = FakeOpenAiServer.start(r -> FakeReply.hang());
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("slow", slow.baseUrl(), SHORT)), List.of(),
                     Optional.empty(), dir))) {
            var r = Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("fake-model", "say hi", ""));
            assertThat(r.status()).as(r.body()).isEqualTo(504);
            assertThat(r.contentType()).startsWith("application/json");
            JsonNode e = RelayTest.JSON.readTree(r.body()).path("error");
            assertThat(e.path("code").asText()).isEqualTo("upstream_timeout");
            assertThat(e.path("type").asText()).isEqualTo("server_error");
            assertThat(e.path("message").asText()).contains("slow");
            assertThat(slow.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void an_upstream_that_does_not_answer_in_time_is_skipped_for_the_next() throws Exception {
        try (var slow = FakeOpenAiServer.start(r -> FakeReply.hang());
             var good = FakeOpenAiServer.start(r -> RelayTest.rich());
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("slow", slow.baseUrl(), SHORT),
                     Fixtures.upstream("good", good.baseUrl())), List.of(), Optional.empty(), dir))) {
            JsonNode d = RelayTest.ok(Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("fake-model", "say hi", "")));
            assertThat(d.path("choices").get(0).path("message").path("content").asText()).isEqualTo("Hi there, this reply was cut");
            assertThat(d.path("ponder").path("calls").asInt()).as("the timed-out attempt counts").isEqualTo(2);
            assertThat(slow.requestCount()).isEqualTo(1);
            assertThat(good.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void a_timed_out_call_is_retried_as_the_upstream_is_configured_to() throws Exception {
        try (var slow = FakeOpenAiServer.start(r -> FakeReply.hang());
             var proxy = Fixtures.start(Fixtures.config(List.of(new UpstreamConfig("slow", slow.baseUrl(), Optional.empty(),
                     Map.of("fake-model", "fake-upstream-model"), 1, Duration.ofMillis(1), SHORT, "number")), List.of(), Optional.empty(), dir))) {
            var r = Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("fake-model", "say hi", ""));
            assertThat(r.status()).as(r.body()).isEqualTo(504);
            assertThat(RelayTest.JSON.readTree(r.body()).path("error").path("code").asText()).isEqualTo("upstream_timeout");
            assertThat(slow.requestCount()).as("one try and one retry").isEqualTo(2);
        }
    }

    @Test
    void fifty_concurrent_relayed_requests_all_succeed_each_with_its_own_trace_and_all_are_counted() throws Exception {
        int n = 50;
        Path ledger = dir.resolve("ledger.jsonl");
        Set<String> traceIds = new HashSet<>();
        try (var up = FakeOpenAiServer.start(r -> RelayTest.rich());
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())),
                     List.of(KeysAndBudgetsTest.key("team", "sk-team", Optional.empty(), OptionalInt.empty(), Set.of())),
                     Optional.of("ledger.jsonl"), dir))) {
            var root = Fixtures.root(proxy);
            for (JsonNode d : concurrently(n, i -> RelayTest.ok(Http.post(root, "v1/chat/completions",
                    Fixtures.chat("fake-model", "question " + i, ""), "Authorization", "Bearer sk-team")))) {
                assertThat(d.path("ponder").path("passthrough").asBoolean()).isTrue();
                traceIds.add(d.path("ponder").path("trace_id").asText());
            }
            assertThat(traceIds).hasSize(n);
            Set<String> asked = new HashSet<>();
            up.requests().forEach(r -> asked.add(r.body().path("messages").get(0).path("content").asText()));
            assertThat(up.requestCount()).isEqualTo(n);
            assertThat(asked).as("each question went upstream once").hasSize(n);
            // a request is counted just after its answer went out: wait for the last ones to land
            assertThat(settled(() -> counted(Http.get(root, "metrics").body(), "200"), n)).isEqualTo(n);
        }
        // the ledger file is written off the event loop; closing the proxy waits for the writes under way
        assertThat(booked(ledger)).as("one ledger line per request, by trace id").isEqualTo(traceIds);
    }

    @Test
    void a_relayed_answers_trace_can_be_read_as_soon_as_the_answer_is_in() throws Exception {
        // many at once, with a file ledger: the trace must not wait for the ledger line written off the event loop
        try (var up = FakeOpenAiServer.start(r -> RelayTest.rich());
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())),
                     List.of(KeysAndBudgetsTest.key("team", "sk-team", Optional.empty(), OptionalInt.empty(), Set.of())),
                     Optional.of("ledger.jsonl"), dir))) {
            var root = Fixtures.root(proxy);
            List<JsonNode> traces = concurrently(50, i -> {
                JsonNode d = RelayTest.ok(Http.post(root, "v1/chat/completions", Fixtures.chat("fake-model", "question " + i, ""),
                        "Authorization", "Bearer sk-team"));
                return RelayTest.trace(root, d, "Authorization", "Bearer sk-team");
            });
            assertThat(traces).hasSize(50).allSatisfy(t -> {
                assertThat(t.path("status").asInt()).isEqualTo(200);
                assertThat(RelayTest.calls(t)).hasSize(1);
            });
        }
    }

    /** {@code n} calls started together on virtual threads; their results in order. */
    private static <T> List<T> concurrently(int n, IntCall<T> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures;
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            futures = IntStream.range(0, n).mapToObj(i -> clients.submit(() -> {
                go.await();
                return call.apply(i);
            })).toList();
            go.countDown();
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) out.add(f.get());
        return out;
    }

    @FunctionalInterface
    private interface IntCall<T> {
        T apply(int i) throws Exception;
    }

    /** The sum of {@code ponder_requests_total} over the series with this status. */
    private static int counted(String metrics, String status) {
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("ponder_requests_total{") && line.contains("status=\"" + status + "\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (int) sum;
    }

    /** The request ids of the ledger's lines with status 200. */
    private static Set<String> booked(Path ledger) throws Exception {
        Set<String> ids = new HashSet<>();
        if (!Files.exists(ledger)) return ids;
        for (String l : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
            if (l.isBlank()) continue;
            JsonNode e = RelayTest.JSON.readTree(l);
            if (e.path("status").asInt() == 200) ids.add(e.path("request").asText());
        }
        return ids;
    }

    /** The value once it reaches {@code target}, or as it stands after a generous wait (then the assertion shows it). */
    private static int settled(ThrowingSupplier<Integer> value, int target) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int v = value.get();
        while (v < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
            v = value.get();
        }
        return v;
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
