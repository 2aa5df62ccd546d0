package dev.ponder.lab.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Verdict;
import dev.ponder.core.strategy.Failure;
import dev.ponder.core.strategy.Result;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.verify.Verifier;
import dev.ponder.stats.bootstrap.Bootstrap;
import dev.ponder.stats.bootstrap.Estimate;
import dev.ponder.stats.estimate.PassAtK;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The code loop (and any task with a checker): draw n samples per problem, verify every one (for code: extract the
 * code block, compile and run the problem's tests in the sandbox), and report the unbiased pass@k for k = 1, 2, 4 ... n
 * (Chen et al. 2021) with a seeded bootstrap interval over problems, and how the samples failed.
 */
public final class PassAtKReport {

    public record Row(@JsonProperty("k") int k, @JsonProperty("pass_at_k") double passAtK,
                      @JsonProperty("ci_low") double ciLow, @JsonProperty("ci_high") double ciHigh) {}

    /** {@code failed}: problems whose calls failed after their retries (their samples, if any, still count). */
    public record Report(@JsonProperty("problems") int problems, @JsonProperty("samples_per_problem") int n,
                         @JsonProperty("rows") List<Row> rows, @JsonProperty("verdicts") Map<String, Integer> verdicts,
                         @JsonProperty("dollars") double dollars, @JsonProperty("failed") int failed,
                         @JsonProperty("failure_example") Optional<String> failureExample) {}

    private PassAtKReport() {}

    public static Report run(Evaluation eval, Backend backend, List<Problem> problems, int n, Verifier verifier, long seed) {
        int[] ns = new int[problems.size()];
        int[] cs = new int[problems.size()];
        Map<String, Integer> verdicts = new TreeMap<>();
        double dollars = 0;
        int failed = 0;
        Optional<String> example = Optional.empty();
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            Result r = eval.solve(Strategy.vote(n), backend, p);
            dollars += r.usage().dollars();
            if (r.failed()) {
                failed++;
                if (example.isEmpty()) example = r.failure().map(Failure::written);
            }
            ns[i] = r.samples().size();
            for (Sample s : r.samples()) {
                Verdict v = verifier.verify(p, s.answer().isEmpty() ? s.text() : s.answer());
                if (v.isAccepted()) cs[i]++;
                verdicts.merge(label(v), 1, Integer::sum);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int k = 1; k <= n; k = k == n ? n + 1 : Math.min(n, k * 2)) {
            final int kk = k;
            double[] per = new double[problems.size()];
            for (int i = 0; i < per.length; i++) per[i] = ns[i] >= kk ? PassAtK.passAtK(ns[i], cs[i], kk) : 0;
            Estimate e = Bootstrap.mean(per, 2000, 0.95, new SplittableRandom(seed));
            rows.add(new Row(kk, e.value(), e.low(), e.high()));
        }
        return new Report(problems.size(), n, rows, verdicts, dollars, failed, example);
    }

    private static String label(Verdict v) {
        String reason = v.reason();
        int colon = reason.indexOf(':');
        String head = (colon > 0 ? reason.substring(0, colon) : reason).strip();
        return switch (v) {
            case Verdict.Accepted a -> "passed";
            case Verdict.Rejected r -> head.isEmpty() ? "rejected" : head;
            case Verdict.Undecided u -> "undecided";
        };
    }
}
