package dev.ponder.examples;

// snippet: imports
import dev.ponder.core.Policy;
import dev.ponder.core.Ponder;
import dev.ponder.core.Solution;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.model.Problem;
// end: imports
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * GSM8K questions solved with one sample and with self-consistency over 5 ({@code vote@5}), replayed from a bank of
 * recorded samples, so it runs offline, free and the same every time. With a live model, replace {@code replay(...)}
 * by {@code openAi("gpt-4o-mini", OpenAiConfig.builder(baseUrl).build())} and nothing else changes (the engine closes that client).
 */
public final class Gsm8kVote {

    /** Correct answers and dollars of one policy over the batch. */
    public record Tally(String policy, int correct, int questions, int samples, double dollars) {}

    public static void main(String[] args) {
        run(System.out);
    }

    public static List<Tally> run(PrintStream out) {
        // snippet: vote
        Bank bank = Banks.gsm8kTiny();
        Ponder ponder = Ponder.builder()
                .replay("scripted-gsm8k", bank)                       // the bank's samples stand in for a model
                .prices(new PriceCatalogue(Map.of("scripted-gsm8k", new Price(0.15, 0.60)))) // priced like gpt-4o-mini
                .seed(42)
                .build();
        List<Problem> problems = bank.problems();
        List<String> questions = problems.stream().map(Problem::question).toList();

        Policy single = Policy.single().withAnswer("number");
        Policy vote = Policy.parse("vote@5").withAnswer("number");
        List<Solution> ones = ponder.solveAll(questions, single);
        List<Solution> votes = ponder.solveAll(questions, vote);
        // end: vote
        ponder.close();

        out.printf("%-10s %9s %7s %7s %10s%n", "problem", "reference", "single", "vote@5", "confidence");
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            Solution v = votes.get(i);
            out.printf("%-10s %9s %7s %7s %10.2f%s%n", p.id(), p.reference(), ones.get(i).answer(), v.answer(), v.confidence(),
                    same(v.answer(), p.reference()) ? "" : "  wrong");
        }
        Tally a = tally("single", ones, problems);
        Tally b = tally("vote@5", votes, problems);
        for (Tally t : List.of(a, b)) {
            out.printf("%-7s %2d/%d correct, %3d samples, $%.6f%n", t.policy(), t.correct(), t.questions(), t.samples(), t.dollars());
        }
        return List.of(a, b);
    }

    static Tally tally(String policy, List<Solution> solutions, List<Problem> problems) {
        int correct = 0, samples = 0;
        double dollars = 0;
        for (int i = 0; i < solutions.size(); i++) {
            if (same(solutions.get(i).answer(), problems.get(i).reference())) correct++;
            samples += solutions.get(i).sampleCount();
            dollars += solutions.get(i).dollars();
        }
        return new Tally(policy, correct, solutions.size(), samples, dollars);
    }

    /** Numeric equality ("18" = "18.00"), else exact text. */
    static boolean same(String answer, String reference) {
        try {
            return new BigDecimal(answer.replace(",", "").strip()).compareTo(new BigDecimal(reference.replace(",", "").strip())) == 0;
        } catch (NumberFormatException e) {
            return answer.strip().equals(reference.strip());
        }
    }

    private Gsm8kVote() {}
}
