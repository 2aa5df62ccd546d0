package dev.ponder.examples;

import dev.ponder.core.Policy;
import dev.ponder.core.Ponder;
import dev.ponder.core.Solution;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.model.Problem;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A batch under a budget of 3 samples per question on average. {@code vote@3} spends them evenly; {@code optimal@3}
 * (compute-optimal allocation, Snell et al. 2024) gives each question two, then spends the rest where the votes are
 * split. For comparison: {@code vote@8} (every recorded sample) and {@code adaptive@8} under a per-question dollar
 * cap, which stops each question once its answer is settled.
 */
public final class BudgetedBatch {

    public static void main(String[] args) {
        run(System.out);
    }

    public static List<Gsm8kVote.Tally> run(PrintStream out) {
        Bank bank = Banks.gsm8kTiny();
        List<Problem> problems = bank.problems();
        List<String> questions = problems.stream().map(Problem::question).toList();
        Ponder ponder = Ponder.builder()
                .replay("scripted-gsm8k", bank)
                .prices(new PriceCatalogue(Map.of("scripted-gsm8k", new Price(0.15, 0.60))))
                .seed(42)
                .build();

        // snippet: policies
        List<Gsm8kVote.Tally> rows = List.of(
                run(ponder, questions, problems, Policy.vote(8).withAnswer("number")),
                run(ponder, questions, problems, Policy.vote(3).withAnswer("number")),
                run(ponder, questions, problems, Policy.optimal(3).withAnswer("number")),
                run(ponder, questions, problems, Policy.adaptive().withMaxSamples(8).withBudgetDollars(0.0002).withAnswer("number")));
        // end: policies
        out.printf("%-40s %8s %8s %10s%n", "policy", "correct", "samples", "dollars");
        for (Gsm8kVote.Tally t : rows) {
            out.printf("%-40s %5d/%d %8d %10.6f%n", t.policy(), t.correct(), t.questions(), t.samples(), t.dollars());
        }
        ponder.close();
        return rows;
    }

    private static Gsm8kVote.Tally run(Ponder ponder, List<String> questions, List<Problem> problems, Policy policy) {
        List<Solution> solutions = ponder.solveAll(questions, policy);
        String name = policy.written() + policy.budget().maxDollars().map(d -> String.format(Locale.ROOT, " under $%.4f/question", d)).orElse("");
        return Gsm8kVote.tally(name, solutions, problems);
    }

    private BudgetedBatch() {}
}
