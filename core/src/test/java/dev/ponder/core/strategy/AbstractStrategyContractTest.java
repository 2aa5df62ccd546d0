package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Usage;
import dev.ponder.core.trace.Call;
import dev.ponder.core.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract every strategy keeps: the budget is never exceeded, every call is in the trace, a seed makes it
 * deterministic, and a failing or exhausted backend gives a clean result instead of an exception.
 * Each strategy's test extends this and says how to build the strategy.
 */
public abstract class AbstractStrategyContractTest {
    protected static final Problem PROBLEM = new Problem("p1", "What is 6 times 7?", "42");
    protected static final Usage PER_SAMPLE = new Usage(10, 20, 0, 0.001, Duration.ZERO);
    protected static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));

    /** The strategy under test. */
    protected abstract Strategy strategy();

    /** Answers: mostly 42, sometimes 41, by a fixed pattern. */
    protected static Backend backend() {
        return Backend.scripted().script(i -> i % 3 == 2 ? "I think the answer is 41." : "The answer is 42.")
                .usagePerGeneration(PER_SAMPLE).build();
    }

    /** The session the contract runs; strategies that need a checker give one. */
    protected Session checkedSession(Backend b, Budget budget, long seed) { return session(b, budget, seed); }

    /** Whether the strategy votes (so a mostly-right backend gives the majority answer). */
    protected boolean majorityApplies() { return true; }

    protected static Session session(Backend b, Budget budget, long seed) {
        GenerationRequest req = GenerationRequest.of("m", List.of(Message.user(PROBLEM.question())), 1);
        return new Session(PROBLEM, b, req, new Meter(budget, CLOCK), new Trace("t"), AnswerExtractor.number(), false,
                new SplittableRandom(seed), CLOCK);
    }

    @Test
    void never_spends_past_the_budget() {
        for (int cents = 0; cents <= 5; cents++) {
            double budget = cents * 0.001 + 0.0005;
            Result r = strategy().solve(checkedSession(backend(), Budget.dollars(budget), 1));
            assertThat(r.usage().dollars()).as("budget %s", budget).isLessThanOrEqualTo(budget + 1e-12);
        }
    }

    @Test
    void every_call_is_in_the_trace_and_adds_up() {
        Result r = strategy().solve(checkedSession(backend(), Budget.UNLIMITED, 1));
        List<Call> calls = r.trace().calls();
        assertThat(calls).isNotEmpty();
        long traced = calls.stream().filter(c -> c.purpose().equals("sample")).mapToInt(Call::samples).sum();
        // a sample put together from several calls (a budget-forced chain) carries its strategy as its source
        long composed = r.samples().stream().filter(s -> !s.source().equals("sample")).count();
        assertThat(traced + composed).isEqualTo(r.samples().size());
        double dollars = calls.stream().mapToDouble(c -> c.usage().dollars()).sum();
        assertThat(r.usage().dollars()).isCloseTo(dollars, Offset.offset(1e-12));
        assertThat(r.samples().size()).isBetween(1, strategy().maxSamples());
    }

    @Test
    void is_deterministic_for_a_seed() {
        Result a = strategy().solve(checkedSession(backend(), Budget.UNLIMITED, 5));
        Result b = strategy().solve(checkedSession(backend(), Budget.UNLIMITED, 5));
        assertThat(a.answer()).isEqualTo(b.answer());
        assertThat(a.samples()).isEqualTo(b.samples());
        assertThat(a.confidence()).isEqualTo(b.confidence());
    }

    @Test
    void finds_the_majority_answer_of_a_mostly_right_backend() {
        Assumptions.assumeTrue(majorityApplies(), "not a voting strategy");
        assertThat(strategy().solve(checkedSession(backend(), Budget.UNLIMITED, 1)).answer()).isEqualTo("42");
    }

    @Test
    void a_failing_backend_gives_a_clean_result() {
        failingAfter(0);
        if (strategy().maxSamples() > 1) failingAfter(1);
    }

    private void failingAfter(int good) {
        IntFunction<String> f = i -> i < good ? "The answer is 41." : "!fail:UPSTREAM_UNAVAILABLE";
        Backend b = Backend.scripted().script(f::apply).usagePerGeneration(PER_SAMPLE).build();
        Result r = strategy().solve(checkedSession(b, Budget.UNLIMITED, 1));
        assertThat(r.stop()).isEqualTo(StopReason.FAILED);
        assertThat(r.error()).isPresent();
        assertThat(r.trace().calls()).anySatisfy(c -> assertThat(c.error()).isPresent());
    }

    @Test
    void an_exhausted_backend_gives_a_clean_result() {
        Backend b = Backend.scripted().texts("The answer is 42.").usagePerGeneration(PER_SAMPLE).build();
        Result r = strategy().solve(checkedSession(b, Budget.UNLIMITED, 1));
        assertThat(r.samples().size()).isLessThanOrEqualTo(1);
        if (strategy().maxSamples() > 1) assertThat(r.stop()).isIn(StopReason.EXHAUSTED, StopReason.DONE);
    }

    @Test
    void a_zero_budget_draws_nothing() {
        Result r = strategy().solve(checkedSession(backend(), Budget.dollars(0), 1));
        assertThat(r.samples()).isEmpty();
        assertThat(r.stop()).isEqualTo(StopReason.BUDGET);
        assertThat(r.answered()).isFalse();
    }
}
