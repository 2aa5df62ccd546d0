package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    /** The SSE lines of a streamed request, handing each to {@code onLine} as it arrives. */
    static List<String> stream(URI root, String body, Consumer<String> onLine) throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        HttpRequest r = HttpRequest.newBuilder(root.resolve("v1/chat/completions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<Stream<String>> resp = c.send(r, HttpResponse.BodyHandlers.ofLines());
        assertThat(resp.statusCode()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        resp.body().forEach(l -> {
            lines.add(l);
            onLine.accept(l);
        });
        return lines;
    }

    static List<JsonNode> data(List<String> lines) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : lines) if (l.startsWith("data: {")) out.add(JSON.readTree(l.substring(6)));
        return out;
    }

    @Test
    void single_streams_tokens_while_the_upstream_is_still_producing() throws Exception {
        CountDownLatch clientSawFirstToken = new CountDownLatch(1);
        AtomicBoolean upstreamWasHeld = new AtomicBoolean();
        try (var up = FakeOpenAiServer.start(r -> FakeReply.texts("The answer is 42 , surely .").onChunk(k -> {
                    if (k == 1) {
                        try {
                            upstreamWasHeld.set(clientSawFirstToken.await(20, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }));
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())), List.of(), Optional.empty(), dir))) {
            List<String> lines = stream(Fixtures.root(proxy), Fixtures.chat("fake-model", "hi there", "\"stream\": true, \"stream_options\": {\"include_usage\": true}"),
                    l -> { if (l.contains("\"content\":\"The\"")) clientSawFirstToken.countDown(); });
            assertThat(upstreamWasHeld).as("the first token reached the client while the upstream held the rest").isTrue();
            List<JsonNode> chunks = data(lines);
            StringBuilder text = new StringBuilder();
            for (JsonNode c : chunks) for (JsonNode ch : c.path("choices")) text.append(ch.path("delta").path("content").asText(""));
            assertThat(text.toString()).isEqualTo("The answer is 42 , surely .");
            JsonNode last = chunks.getLast();
            assertThat(last.path("choices")).isEmpty();
            assertThat(last.path("usage").path("completion_tokens").asInt()).isEqualTo(7);
            assertThat(last.path("usage").path("prompt_tokens").asInt()).isEqualTo(2);
            assertThat(last.path("ponder").path("dollars").asDouble()).isCloseTo(0.009, Offset.offset(1e-9));
            assertThat(lines.getLast().isEmpty() ? lines.get(lines.size() - 2) : lines.getLast()).isEqualTo("data: [DONE]");
        }
    }

    @Test
    void voting_streams_progress_comments_then_the_answer_and_usage_of_every_sample() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text(i == 1 ? "It is 7" : "It is 42")));
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())), List.of(), Optional.empty(), dir))) {
            List<String> lines = stream(Fixtures.root(proxy), Fixtures.chat("vote@3:fake-model", "hi", "\"stream\": true, \"stream_options\": {\"include_usage\": true}"), l -> { });
            assertThat(lines).anyMatch(l -> l.startsWith(": sample 3/3 answer=42"));
            List<JsonNode> chunks = data(lines);
            StringBuilder text = new StringBuilder();
            for (JsonNode c : chunks) for (JsonNode ch : c.path("choices")) text.append(ch.path("delta").path("content").asText(""));
            assertThat(text.toString()).isEqualTo("It is 42");
            JsonNode usage = chunks.getLast().path("usage");
            assertThat(usage.path("completion_tokens").asInt()).as("all three samples are counted").isEqualTo(9);
            assertThat(chunks.getLast().path("ponder").path("samples").asInt()).isEqualTo(3);
        }
    }

    @Test
    void a_stream_broken_before_its_first_token_moves_to_the_next_upstream() throws Exception {
        try (var bad = FakeOpenAiServer.start(r -> FakeReply.texts("never sent").cutAfter(0));
             var good = FakeOpenAiServer.start(r -> FakeReply.texts("fine thanks"));
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("bad", bad.baseUrl()), Fixtures.upstream("good", good.baseUrl())),
                     List.of(), Optional.empty(), dir))) {
            List<String> lines = stream(Fixtures.root(proxy), Fixtures.chat("fake-model", "hi", "\"stream\": true"), l -> { });
            StringBuilder text = new StringBuilder();
            for (JsonNode c : data(lines)) for (JsonNode ch : c.path("choices")) text.append(ch.path("delta").path("content").asText(""));
            assertThat(text.toString()).isEqualTo("fine thanks");
            assertThat(bad.requestCount()).isEqualTo(1);
            assertThat(good.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void a_stream_broken_after_tokens_ends_with_an_error_event() throws Exception {
        // The cut must not overtake the tokens: hold the upstream after its second token until the client has the first.
        CountDownLatch clientSawFirstToken = new CountDownLatch(1);
        try (var up = FakeOpenAiServer.start(r -> FakeReply.texts("one two three four five").cutAfter(2).onChunk(k -> {
                 if (k == 2) {
                     try {
                         clientSawFirstToken.await(5, TimeUnit.SECONDS);
                     } catch (InterruptedException e) {
                         Thread.currentThread().interrupt();
                     }
                 }
             }));
             var spare = FakeOpenAiServer.start(r -> FakeReply.texts("spare"));
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl()), Fixtures.upstream("b", spare.baseUrl())),
                     List.of(), Optional.empty(), dir))) {
            List<String> lines = stream(Fixtures.root(proxy), Fixtures.chat("fake-model", "hi", "\"stream\": true"),
                    l -> { if (l.contains("\"content\":\"one\"")) clientSawFirstToken.countDown(); });
            List<JsonNode> chunks = data(lines);
            assertThat(chunks.getFirst().path("choices").get(0).path("delta").path("content").asText()).isEqualTo("one");
            assertThat(chunks.getLast().path("error").path("code").asText()).isEqualTo("stream_broken");
            assertThat(lines).doesNotContain("data: [DONE]");
            assertThat(spare.requestCount()).as("text already sent is not repeated from another upstream").isZero();
        }
    }

    @Test
    void non_streamed_fallback_skips_a_failing_upstream_and_counts_usage() throws Exception {
        try (var bad = FakeOpenAiServer.start(r -> FakeReply.serverError());
             var good = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text("answer " + i)));
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("bad", bad.baseUrl()), Fixtures.upstream("good", good.baseUrl())),
                     List.of(), Optional.empty(), dir))) {
            var r = Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("fake-model", "hi", "\"n\": 3"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode d = JSON.readTree(r.body());
            assertThat(d.path("choices")).hasSize(3);
            assertThat(d.path("usage").path("completion_tokens").asInt()).isEqualTo(6);
            assertThat(good.requests().getFirst().n()).as("n goes upstream in one request").isEqualTo(3);
            // the failed upstream cools down: the next request goes straight to the good one
            Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("fake-model", "hi", ""));
            assertThat(bad.requestCount()).isEqualTo(1);
        }
    }
}
