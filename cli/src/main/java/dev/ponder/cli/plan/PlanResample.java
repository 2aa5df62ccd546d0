package dev.ponder.cli.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.cli.io.FlagChecks;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.stats.plan.Resampling;
import dev.ponder.stats.plan.TaskType;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ponder plan resample}: resampling until an imperfect verifier accepts; expected value against K. */
@Command(name = "resample", mixinStandardHelpOptions = true,
        description = "Resample until an imperfect verifier accepts (two task types): expected value vs K and the best K. "
                + "Defaults are the fLaws notebook's toy model.")
final class PlanResample implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--easy-accuracy", defaultValue = "0.87", description = "P(sample correct) on easy tasks (default ${DEFAULT-VALUE})")
    double easy;

    @Option(names = "--hard-accuracy", defaultValue = "0.13", description = "P(sample correct) on hard tasks (default ${DEFAULT-VALUE})")
    double hard;

    @Option(names = "--easy-share", defaultValue = "0.58", description = "share of easy tasks (default ${DEFAULT-VALUE})")
    double share;

    @Option(names = "--completeness", defaultValue = "1", description = "P(verifier accepts | correct) (default ${DEFAULT-VALUE})")
    double completeness;

    @Option(names = "--soundness", defaultValue = "0.75", description = "P(verifier rejects | wrong) (default ${DEFAULT-VALUE})")
    double soundness;

    @Option(names = "--cost", split = ",", defaultValue = "0.7,1,2",
            description = "cost of a false positive, relative to a correct answer's value 1 (repeatable; default ${DEFAULT-VALUE})")
    List<Double> costs;

    @Option(names = "--k-max", defaultValue = "15", description = "largest K considered (default ${DEFAULT-VALUE})")
    int kMax;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        FlagChecks.between("--k-max", kMax, 1, 10_000);
        FlagChecks.between("--easy-accuracy", easy, 0, 1);
        FlagChecks.between("--hard-accuracy", hard, 0, 1);
        FlagChecks.between("--easy-share", share, 0, 1);
        FlagChecks.between("--completeness", completeness, 0, 1);
        FlagChecks.between("--soundness", soundness, 0, 1);
        FlagChecks.each("--cost", costs, 0, 1e6, 100);
        Resampling m = new Resampling(List.of(new TaskType(share, easy, completeness, soundness),
                new TaskType(1 - share, hard, completeness, soundness)));
        PrintWriter out = spec.commandLine().getOut();
        if (json) JsonOut.print(out, toJson(m));
        else printText(out, m);
        return 0;
    }

    private ObjectNode toJson(Resampling m) {
        ObjectNode root = JsonOut.object();
        ArrayNode types = root.putArray("types");
        String[] names = {"easy", "hard"};
        for (int i = 0; i < 2; i++) {
            TaskType t = m.types().get(i);
            ObjectNode o = types.addObject();
            o.put("type", names[i]);
            o.put("share", t.share());
            o.put("accuracy", t.accuracy());
            o.put("beta", t.beta());
            o.put("p_correct", t.pCorrect());
            o.put("p_fluke", t.pFluke());
        }
        TaskType e = m.types().get(0), h = m.types().get(1);
        root.put("beta_1", e.beta());
        root.put("beta_2", h.beta());
        root.set("p_correct", JsonOut.pair(e.pCorrect(), h.pCorrect()));
        root.set("p_fluke", JsonOut.pair(e.pFluke(), h.pFluke()));
        root.put("completeness", completeness);
        root.put("soundness", soundness);
        root.put("ceiling", m.ceiling());
        ArrayNode arr = root.putArray("costs");
        for (double c : costs) {
            ObjectNode o = arr.addObject();
            o.put("false_positive_cost", c);
            int best = m.bestK(c, kMax);
            o.put("best_k", best);
            o.put("best_expected_value", best == 0 ? 0 : m.expectedValue(best, c));
            ArrayNode curve = o.putArray("curve");
            for (int k = 1; k <= kMax; k++) {
                ObjectNode pt = curve.addObject();
                pt.put("k", k);
                pt.put("expected_value", m.expectedValue(k, c));
                pt.put("accuracy", m.accuracy(k));
                pt.put("false_positive_rate", m.falsePositiveRate(k));
                pt.put("notebook_expected_value", m.notebookExpectedValue(k, c));
            }
        }
        return root;
    }

    private void printText(PrintWriter out, Resampling m) {
        TaskType e = m.types().get(0), h = m.types().get(1);
        out.printf("resampling with an imperfect verifier: completeness %.3f, soundness %.3f%n", completeness, soundness);
        out.printf("beta_1: %.5g   beta_2: %.5g   (P(a sample is rejected), easy / hard)%n", e.beta(), h.beta());
        out.printf("p_correct: %.5g / %.5g   p_fluke: %.5g / %.5g%n", e.pCorrect(), h.pCorrect(), e.pFluke(), h.pFluke());
        out.printf("ceiling P(correct | accepted) as K grows: %.4f%n", m.ceiling());
        out.printf("%4s %9s %9s", "K", "accuracy", "false+");
        for (double c : costs) out.printf(" %12s", "EV cost=" + c);
        out.println();
        for (int k = 1; k <= kMax; k++) {
            out.printf("%4d %9.4f %9.4f", k, m.accuracy(k), m.falsePositiveRate(k));
            for (double c : costs) out.printf(" %12.4f", m.expectedValue(k, c));
            out.println();
        }
        for (double c : costs) {
            int best = m.bestK(c, kMax);
            out.printf("false-positive cost %.2f: best K = %d%s%n", c, best,
                    best == 0 ? " (abstain: every K loses value)" : String.format(" (expected value %.4f)", m.expectedValue(best, c)));
        }
        out.flush();
    }
}
