package dev.ponder.cli.run;

import dev.ponder.cli.Exit;
import dev.ponder.cli.Warnings;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.verify.Verifier;
import dev.ponder.core.verify.java.JavaSandbox;
import dev.ponder.lab.eval.PassAtKReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The code loop of {@code ponder run --pass-at-k N}: n samples per problem, each verified (code: in the sandbox), pass@k. */
final class PassAtKRun {
    private PassAtKRun() {}

    static void run(List<RunSource> sources, int n, Budget budget, long seed, boolean unsandboxed, boolean json, PrintWriter out, PrintWriter err) {
        if (n < 1 || n > 10_000) throw PonderException.invalid("--pass-at-k needs N in [1, 10000], was %d", n);
        List<Map<String, Object>> docs = new ArrayList<>();
        // "" until a source has failed entirely; empty once any source had a call that worked
        Optional<String> dead = Optional.of("");
        for (RunSource src : sources) {
            Warnings.print(err, src.issues());
            JavaSandbox sandbox = null;
            try {
                Verifier v = src.verifier();
                if (src.extractor().label().equals("code")) {
                    sandbox = SandboxChoice.of(unsandboxed).get();
                    v = Verifier.javaTests(sandbox);
                }
                PassAtKReport.Report r = PassAtKReport.run(src.evaluation(budget, seed), src.backend().get(), src.problems(), n, v, seed);
                if (json) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("source", src.name());
                    d.put("model", src.model());
                    d.put("verifier", v.name());
                    d.put("pass_at_k", r);
                    docs.add(d);
                } else {
                    out.printf("%n%s (%s, %d problems, %d samples each, verified by %s)%n", src.name(), src.model(), r.problems(), r.n(), v.name());
                    out.printf("  %-8s %9s  %s%n", "k", "pass@k", "95% interval");
                    for (var row : r.rows()) out.printf("  %-8d %9.4f  [%.4f, %.4f]%n", row.k(), row.passAtK(), row.ciLow(), row.ciHigh());
                    out.printf("  verdicts: %s; dollars %.6f%n", r.verdicts(), r.dollars());
                    if (r.failed() > 0) out.printf("  failed: %d of %d problems, e.g. %s%n", r.failed(), r.problems(), r.failureExample().orElse(""));
                }
                if (r.failed() < r.problems()) dead = Optional.empty();
                else if (dead.isPresent() && dead.get().isEmpty()) {
                    dead = Optional.of(String.format("every call failed (%d of %d problems): %s", r.failed(), r.problems(),
                            r.failureExample().orElse("no error recorded")));
                }
            } finally {
                if (sandbox != null) sandbox.close();
            }
        }
        if (json) JsonOut.print(out, Map.of("runs", docs));
        out.flush();
        if (dead.isPresent() && !dead.get().isEmpty()) throw new Exit(Exit.ALL_CALLS_FAILED, dead.get());
    }
}
