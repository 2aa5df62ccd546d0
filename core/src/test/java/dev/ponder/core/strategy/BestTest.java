package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import dev.ponder.core.testing.SharedData;
import dev.ponder.core.trace.Trace;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BestTest extends AbstractStrategyContractTest {
    @Override
    protected Strategy strategy() { return Strategy.parse("best@4"); }

    @Test
    void picks_the_highest_recorded_score() {
        var bank = BankReader.read(SharedData.shippedBank("math-qwen25-rm8"));
        var p = bank.problems().get(3);
        var best = bank.samplesOf(p.id()).stream().max(Comparator.comparingDouble(s -> s.score().orElseThrow())).orElseThrow();
        Backend replay = Backend.replay(bank, Optional.empty(), PriceCatalogue.empty());
        Session s = new Session(p, replay, GenerationRequest.of("m", List.of(Message.user(p.question())), 1).withProblemId(p.id()),
                new Meter(Budget.UNLIMITED, CLOCK), new Trace("t"), AnswerExtractor.boxed(), true, new SplittableRandom(0), CLOCK);
        Result r = Strategy.parse("best@8").solve(s);
        assertThat(r.answer()).isEqualTo(best.answer());
        assertThat(r.chosen().orElseThrow().score()).isEqualTo(best.score());
    }

    @Test
    void without_scores_a_live_model_evaluates_its_own_samples() {
        Backend b = Backend.scripted().texts("The answer is 41.", "The answer is 42.", "0.2", "I'd say 0.9").build();
        Result r = Strategy.parse("best@2").solve(session(b, Budget.UNLIMITED, 0));
        assertThat(r.answer()).isEqualTo("42");
        assertThat(r.trace().calls()).extracting(c -> c.purpose()).containsExactly("sample", "self-evaluate", "self-evaluate");
    }

    @Test
    void a_checker_scores_when_samples_have_none() {
        Backend b = Backend.scripted().texts("The answer is 41.", "The answer is 42.").build();
        Result r = Strategy.parse("best@2").solve(VerifyFirstTest.withChecker(b, Budget.UNLIMITED, 0, VerifyFirstTest.FORTY_TWO));
        assertThat(r.answer()).isEqualTo("42");
    }

    @Test
    void reads_a_probability_from_the_reply() {
        assertThat(Best.parse("0.75")).contains(0.75);
        assertThat(Best.parse("Probability: .3")).contains(0.3);
        assertThat(Best.parse("1")).contains(1.0);
        assertThat(Best.parse("no idea")).isEmpty();
    }
}
