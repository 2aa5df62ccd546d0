package dev.ponder.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.model.Problem;
import dev.ponder.core.strategy.StopReason;
import dev.ponder.lab.outcome.OutcomeReader;
import dev.ponder.lab.route.RouterModel;
import dev.ponder.sandbox.Sandboxes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
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

    @Test
    void the_live_quickstart_draws_all_five_samples_under_its_budget() {
        try (var server = DocSnippetsTest.FakeServers.answering("The answer is 3.")) {
            dev.ponder.core.Solution s = LiveQuickstart.run(server.baseUrl().toString(), out);
            assertThat(s.sampleCount()).as("a $0.01 budget holds four 4096-token reservations, then the fifth").isEqualTo(5);
            assertThat(s.stop()).isEqualTo(StopReason.DONE);
            assertThat(s.dollars()).isLessThanOrEqualTo(0.01);
            assertThat(s.answer()).isEqualTo("3");
        }
    }

    @Test
    void strategies_and_checkers_build_and_judge() {
        assertThat(StrategiesAndCheckers.run(out).isAccepted()).isTrue();
        assertThat(printed()).contains("think@2048, think@2048w4").contains("game24; true");
    }

    @Test
    void java_tests_run_in_the_sandbox_when_bubblewrap_is_there() {
        var missing = Sandboxes.bubblewrapUnavailable();
        Assumptions.assumeTrue(missing.isEmpty(), () -> "skipping the sandbox example: " + missing.orElse(""));
        var problem = new Problem("Tiny/0", "", "", Map.of(
                "prompt", "class Solution {\n    public int add(int a, int b) {\n",
                "test", "public class Main { public static void main(String[] a) { if (new Solution().add(2, 3) != 5) throw new AssertionError(); } }"));
        assertThat(StrategiesAndCheckers.javaTests(problem, "        return a + b;\n    }\n}\n").isAccepted()).isTrue();
        assertThat(StrategiesAndCheckers.javaTests(problem, "        return a - b;\n    }\n}\n").isAccepted()).isFalse();
    }

    @Test
    void a_trained_router_picks_a_tier(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("query_id,model,score,cost_usd\n"), q = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            boolean hard = i % 3 == 0;
            q.append("{\"query_id\": \"").append(i).append("\", \"question\": \"").append(hard ? "Prove the long statement number " + i
                    + " about primes and their gaps for every n" : "What is " + i + "?").append("\"}\n");
            csv.append(i).append(",cheap,").append(hard ? 0 : 1).append(",0.0001\n").append(i).append(",strong,1,0.01\n");
        }
        Files.writeString(dir.resolve("outcomes.csv"), csv);
        Files.writeString(dir.resolve("queries.jsonl"), q);
        Path model = dir.resolve("router.json");
        RouterModel.train(OutcomeReader.read(dir).table(), "length-keyword", 1, model);
        assertThat(RouterExample.choose(model, "What is 7?").tier().toString()).contains("cheap");
    }
}
