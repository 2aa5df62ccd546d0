package dev.ponder.examples;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.ponder.core.Policy;
import dev.ponder.core.Ponder;
import dev.ponder.core.Solution;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.langchain4j.LangChain4jEmbedder;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Free-form replies (explanations, summaries, code) voted by meaning: {@code withAnswer("semantic")} groups them with the
 * in-process all-MiniLM-L6-v2 model at its calibrated threshold (0.58) and replies with the largest group's medoid.
 * Replayed from a hand-written bank whose replies are labelled right or wrong, so it runs offline and the same every time.
 */
public final class FreeFormVote {

    /** One question: was the single reply right, was the vote's, and the vote's confidence. */
    public record Row(String id, boolean single, boolean vote, double confidence) {}

    public static void main(String[] args) {
        run(System.out);
    }

    public static List<Row> run(PrintStream out) {
        Bank bank = Banks.onClasspath("banks/explain-freeform");
        // snippet: engine
        Ponder ponder = Ponder.builder()
                .replay("hand-written", bank)
                .semantic(AnswerExtractor.semantic(LangChain4jEmbedder.of(new AllMiniLmL6V2QuantizedEmbeddingModel()), 0.58))
                .seed(0)
                .build();
        // end: engine
        List<Row> rows = new ArrayList<>();
        for (Problem p : bank.problems()) {
            Solution one = ponder.solve(p.question(), Policy.single().withAnswer("semantic"));
            // snippet: vote
            Solution vote = ponder.solve(p.question(), Policy.vote(5).withAnswer("semantic"));   // vote.text(): the largest group's medoid
            // end: vote
            rows.add(new Row(p.id(), right(one), right(vote), vote.confidence()));
            out.printf("%-20s single %-5s vote@5 %-5s (group share %.1f) %s%n", p.id(), right(one), right(vote), vote.confidence(),
                    vote.text().length() > 60 ? vote.text().substring(0, 57).replace('\n', ' ') + "..." : vote.text().replace('\n', ' '));
        }
        out.printf("single %d/%d right, vote@5 %d/%d right%n", rows.stream().filter(Row::single).count(), rows.size(),
                rows.stream().filter(Row::vote).count(), rows.size());
        ponder.close();
        return rows;
    }

    /** The bank's label of the reply the solution chose. */
    private static boolean right(Solution s) {
        return s.samples().stream().filter(x -> x.text().equals(s.text())).findFirst().flatMap(Sample::recordedCorrect).orElse(false);
    }
}
