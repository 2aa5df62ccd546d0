package dev.ponder.lab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyBenchTest {
    private final Bank math = BankReader.read(SharedData.shippedBank("math-qwen25-rm8"));

    @Test
    void the_same_seed_gives_the_same_table_and_vote_over_all_is_order_free_up_to_ties() {
        StrategyBench bench = new StrategyBench(3, 7, 0.005, 0.75, 200);
        BankBench a = bench.run(math, List.of("vote@1", "vote@8", "esc@2", "ac@0.8", "adaptive"));
        BankBench b = bench.run(math, List.of("vote@1", "vote@8", "esc@2", "ac@0.8", "adaptive"));
        assertThat(a).isEqualTo(b);
        assertThat(a.rows()).extracting(BenchRow::family).containsExactly("fixed", "fixed", "baseline", "baseline", "ponder");
        BenchRow all = a.rows().get(1);
        assertThat(all.samplesPerProblem()).isEqualTo(8.0);
        assertThat(all.ciLow()).isLessThanOrEqualTo(all.accuracy());
        assertThat(all.ciHigh()).isGreaterThanOrEqualTo(all.accuracy());
    }

    @Test
    void stopping_rules_spend_fewer_samples_than_voting_over_all() {
        BankBench b = new StrategyBench(5, 0, 0.005, 0.75, 200).run(math, List.of("vote@8", "esc@2", "ac@0.8", "adaptive"));
        for (BenchRow r : b.rows().subList(1, 4)) assertThat(r.samplesPerProblem()).as(r.strategy()).isLessThan(4);
        assertThat(b.efficiency().reference()).isEqualTo("vote@8");
    }
}
