package dev.ponder.server.chat;

import static dev.ponder.server.chat.PipelineFixture.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.server.auth.Caller;
import dev.ponder.server.budget.Spending;
import dev.ponder.server.config.KeyConfig;
import dev.ponder.server.config.Period;
import dev.ponder.server.ledger.Ledger;
import dev.ponder.server.trace.TraceStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatPipelineTest {
    /** What an observer saw, in order. */
    static final class Watching implements RequestObserver {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final List<Settled> settled = new CopyOnWriteArrayList<>();

        @Override
        public void settled(Settled s) {
            settled.add(s);
            seen.add("settled " + s.status());
        }

        @Override
        public void answered(String strategy, String key, int status, Duration latency) { seen.add("answered " + strategy + " " + key + " " + status); }
    }

    final PipelineFixture f = new PipelineFixture();
    final Watching watching = new Watching();
    final TraceStore traces = new TraceStore(10);
    final Ledger ledger = Ledger.memory();
    final ChatPipeline pipeline = new ChatPipeline(f.catalog, new Spending(ledger, PipelineFixture.CLOCK), traces, List.of(watching),
            PipelineFixture.CLOCK, new SplittableRandom(3));

    @AfterEach
    void close() {
        pipeline.close();
        f.close();
    }

    @Test
    void an_engine_run_is_settled_then_answered_then_counted_and_its_trace_is_kept() throws Exception {
        var reply = new PipelineFixture.Recorded();
        pipeline.submit(Caller.ANONYMOUS, chat("vote@3:replay:math-qwen25-rm8", f.question(), ""), reply, null);
        reply.await();
        assertThat(reply.events).containsSubsequence("trace", "finish", "release").doesNotContain("fail 200");
        assertThat(watching.seen).containsExactly("settled 200", "answered vote@3 anonymous 200");
        Settled s = watching.settled.getFirst();
        assertThat(s.runs()).hasSize(1);
        assertThat(s.attempts()).as("one try per replayed call").isEqualTo(s.runs().getFirst().trace().calls().size()).isPositive();
        assertThat(s.used()).isEqualTo(reply.outcome.usage());
        assertThat(traces.get(s.traceId(), Caller.ANONYMOUS).path("strategy").asText()).isEqualTo("vote@3");
    }

    @Test
    void a_refusal_is_answered_and_counted_without_being_settled() throws Exception {
        var reply = new PipelineFixture.Recorded();
        pipeline.submit(Caller.ANONYMOUS, chat("nope", "hi", ""), reply, null);
        reply.await();
        assertThat(reply.events).containsExactly("trace", "fail 404", "release");
        assertThat(watching.seen).containsExactly("answered unknown anonymous 404");
        pipeline.refused("unauthenticated", 401, System.nanoTime());
        assertThat(watching.seen).last().isEqualTo("answered none unauthenticated 401");
    }

    @Test
    void trace_ids_and_seeds_come_from_the_injected_generator() throws Exception {
        var a = new PipelineFixture.Recorded();
        pipeline.submit(Caller.ANONYMOUS, chat("replay:math-qwen25-rm8", f.question(), ""), a, null);
        a.await();
        Ids same = new Ids(PipelineFixture.CLOCK, new SplittableRandom(3));
        assertThat(a.outcome.traceId()).isEqualTo(same.traceId());
    }

    @Test
    void a_refusal_after_a_reservation_is_settled_at_zero_releasing_the_hold() throws Exception {
        KeyConfig k = new KeyConfig("k", KeyConfig.hash("s"), Optional.of(new KeyConfig.DollarBudget(0.15, Period.DAY)), OptionalInt.empty(),
                OptionalLong.empty(), Set.of());
        var reply = new PipelineFixture.Recorded();
        pipeline.submit(new Caller("k", Optional.of(k)), chat("up", "hi", AdmissionTest.TOOLS + ", \"n\": 2, \"max_tokens\": 100"), reply, null);
        reply.await();
        assertThat(reply.events).containsExactly("trace", "fail 429", "release");
        assertThat(watching.seen).containsExactly("settled 429", "answered single k 429");
        var spend = ledger.spend("k", Period.DAY.bucket(PipelineFixture.CLOCK.instant()));
        assertThat(spend.held()).isZero();
        assertThat(spend.spent()).isZero();
    }
}
