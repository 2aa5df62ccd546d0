package dev.ponder.server.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Delta;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.core.testing.SharedData;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.api.ChatRequestParser;
import dev.ponder.server.catalog.BankModel;
import dev.ponder.server.catalog.Catalog;
import dev.ponder.server.catalog.UpstreamModel;
import dev.ponder.server.upstream.Upstream;
import dev.ponder.server.upstream.UpstreamPool;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A catalog of a replayed bank and an upstream model (never called: its server does not exist), and a reply that records. */
final class PipelineFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
    final Bank bank = BankReader.read(SharedData.shippedBank("math-qwen25-rm8"));
    /** $1000 per million tokens in and out. */
    final Upstream upstream = Upstream.of("nowhere", OpenAiConfig.builder(URI.create("http://127.0.0.1:9/v1")).modelName("up", "up")
            .prices(new PriceCatalogue(Map.of("up", new Price(1000, 1000)))).build());
    final Catalog catalog = new Catalog(List.of(BankModel.of(bank, PriceCatalogue.shipped()),
            new UpstreamModel("up", UpstreamPool.of("up", List.of(upstream), Duration.ofSeconds(30), CLOCK), AnswerExtractor.forName("exact"))),
            StrategyRegistry.standard());

    /** A question the bank has samples for. */
    String question() { return bank.problems().getFirst().question(); }

    static ChatRequest request(String json) {
        try {
            return ChatRequestParser.parse(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ChatRequest chat(String model, String question, String extra) {
        return request("{\"model\": \"" + model + "\", \"messages\": [{\"role\": \"user\", \"content\": " + quoted(question) + "}]" + extra + "}");
    }

    private static String quoted(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() { upstream.close(); }

    /** A reply that records what it was told, in order; {@link #released} counts down once it is released. */
    static final class Recorded implements Reply {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch released = new CountDownLatch(1);
        volatile Outcome outcome;
        volatile ApiError error;

        void await() throws InterruptedException {
            if (!released.await(30, TimeUnit.SECONDS)) throw new AssertionError("the pipeline never released its reply: " + events);
        }

        @Override
        public void trace(String traceId) { events.add("trace"); }

        @Override
        public void delta(Delta delta) { events.add("delta"); }

        @Override
        public void comment(String text) { events.add("comment"); }

        @Override
        public void finish(Outcome o, boolean textAlreadyStreamed) {
            outcome = o;
            events.add("finish");
        }

        @Override
        public void fail(ApiError e) {
            error = e;
            events.add("fail " + e.status());
        }

        @Override
        public void passthrough(ObjectNode chunk) { events.add("chunk"); }

        @Override
        public void passthroughBody(byte[] json) { events.add("body"); }

        @Override
        public void passthroughDone() { events.add("done"); }

        @Override
        public void release() {
            events.add("release");
            released.countDown();
        }
    }
}
