package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.bank.BankReader;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import dev.ponder.core.testing.SharedData;
import dev.ponder.core.trace.Trace;
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
        var best = bank.samplesOf(p.id()).stream().max(java.util.Comparator.comparingDouble(s -> s.score().orElseThrow())).orElseThrow();
        Backend replay = Backend.replay(bank, Optional.empty(), PriceCatalogue.empty());
        Session s = new Session(p, replay, GenerationRequest.of("m", List.of(Message.user(p.question())), 1).withProblemId(p.id()),
                new Meter(Budget.UNLIMITED, CLOCK), new Trace("t"), dev.ponder.core.answer.AnswerExtractor.boxed(), true, new SplittableRandom(0), CLOCK);
        Result r = Strategy.parse("best@8").solve(s);
        assertThat(r.answer()).isEqualTo(best.answer());
        assertThat(r.chosen().orElseThrow().score()).isEqualTo(best.score());
    }
}
