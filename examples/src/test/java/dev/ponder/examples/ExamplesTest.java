package dev.ponder.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every example runs, offline and deterministically, and prints what its documentation shows. */
class ExamplesTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() { return bytes.toString(StandardCharsets.UTF_8); }

    @Test
    void gsm8k_vote_beats_a_single_sample() {
        List<Gsm8kVote.Tally> t = Gsm8kVote.run(out);
        assertThat(t.get(0).samples()).isEqualTo(20);
        assertThat(t.get(1).samples()).isEqualTo(100);
        assertThat(t.get(1).correct()).isGreaterThan(t.get(0).correct());
        assertThat(printed()).contains("gsm8k/0").contains("vote@5");
        assertThat(Gsm8kVote.run(new PrintStream(new ByteArrayOutputStream()))).as("same every run").isEqualTo(t);
    }

    @Test
    void the_ai_service_answers_through_ponder() {
        List<String> answers = AiServiceExample.run(out);
        assertThat(answers).containsExactly("18", "3", "70000");
        assertThat(printed()).contains("[listener] vote@5:scripted-gsm8k answered 18")
                .contains("... 5 samples, vote 18").contains("streamed answer: 18");
    }

    @Test
    void the_budgeted_batch_keeps_to_its_budgets() {
        List<Gsm8kVote.Tally> rows = BudgetedBatch.run(out);
        Gsm8kVote.Tally all = rows.get(0), vote3 = rows.get(1), optimal3 = rows.get(2), capped = rows.get(3);
        assertThat(all.samples()).isEqualTo(160);
        assertThat(vote3.samples()).isEqualTo(60);
        assertThat(optimal3.samples()).as("the batch's 3 per question, allocated").isEqualTo(60);
        assertThat(optimal3.policy()).startsWith("optimal@3");
        assertThat(capped.samples()).isLessThan(all.samples());
        assertThat(capped.dollars()).isLessThanOrEqualTo(20 * 0.0002 + 1e-12);
        assertThat(printed()).contains("optimal@3").contains("adaptive@8");
    }

    @Test
    void free_form_replies_are_voted_by_meaning() {
        List<FreeFormVote.Row> rows = FreeFormVote.run(out);
        assertThat(rows).hasSize(10);
        assertThat(rows.stream().filter(FreeFormVote.Row::vote).count()).isGreaterThan(rows.stream().filter(FreeFormVote.Row::single).count());
        assertThat(printed()).contains("explain/rainbow").contains("vote@5");
        assertThat(FreeFormVote.run(new PrintStream(new ByteArrayOutputStream()))).as("same every run").isEqualTo(rows);
    }
}
