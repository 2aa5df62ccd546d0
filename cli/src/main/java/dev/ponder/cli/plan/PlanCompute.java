package dev.ponder.cli.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.cli.io.FlagChecks;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.stats.fit.ChinchillaLaw;
import dev.ponder.stats.plan.ComputeExchange;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ponder plan compute}: Chinchilla compute-optimal N and D, and train-time vs test-time exchange rates. */
@Command(name = "compute", mixinStandardHelpOptions = true,
        description = "Compute-optimal N, D for FLOP budgets (Chinchilla, Epoch's fit), and train vs test compute exchange "
                + "(Snell et al.'s FLOPs-matched formula; Jones' 15x test per 10x train).")
final class PlanCompute implements Callable<Integer> {
    enum Law { epoch, hoffmann }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--flops", split = ",", defaultValue = "1e21,1e22,1e23,1e24,1e25", description = "training budgets (default ${DEFAULT-VALUE})")
    List<Double> flops;

    @Option(names = "--law", defaultValue = "epoch", description = "Chinchilla parameters: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    Law law;

    @Option(names = "--size-ratio", split = ",", defaultValue = "2,4,10,100", description = "M: larger model / smaller model (default ${DEFAULT-VALUE})")
    List<Double> ratios;

    @Option(names = "--tokens-ratio", split = ",", defaultValue = "0.01,0.1,1,10",
            description = "R = D_inference / D_pretrain, inference tokens over pretraining tokens (default ${DEFAULT-VALUE})")
    List<Double> tokenRatios;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        FlagChecks.each("--flops", flops, 1e6, 1e40, 100);
        FlagChecks.each("--size-ratio", ratios, 1, 1e9, 100);
        FlagChecks.each("--tokens-ratio", tokenRatios, 1e-9, 1e9, 100);
        ChinchillaLaw l = law == Law.epoch ? ChinchillaLaw.EPOCH : ChinchillaLaw.HOFFMANN;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = JsonOut.object();
            ObjectNode p = root.putObject("law");
            p.put("name", law.name());
            p.put("E", l.E());
            p.put("A", l.A());
            p.put("B", l.B());
            p.put("alpha", l.alpha());
            p.put("beta", l.beta());
            ArrayNode opt = root.putArray("optimal");
            for (double c : flops) {
                ChinchillaLaw.Allocation a = l.optimal(c);
                ObjectNode o = opt.addObject();
                o.put("C_flops", c);
                o.put("N_params", a.params());
                o.put("D_tokens", a.tokens());
                o.put("tokens_per_param", a.tokensPerParam());
                o.put("loss", a.loss());
            }
            ArrayNode ex = root.putArray("exchange");
            for (double m : ratios) {
                ObjectNode o = ex.addObject();
                o.put("size_ratio", m);
                o.put("jones_test_multiplier", ComputeExchange.jonesTestMultiplier(m));
                ObjectNode sn = o.putObject("snell_inference_multiplier");
                for (double r : tokenRatios) sn.put(String.valueOf(r), ComputeExchange.snellInferenceMultiplier(m, 1, r));
            }
            JsonOut.print(out, root);
            return 0;
        }
        out.printf("compute-optimal training (%s: E %.4g, A %.4g, B %.4g, alpha %.4g, beta %.4g), C = 6 N D%n", law, l.E(),
                l.A(), l.B(), l.alpha(), l.beta());
        out.printf("%-10s %14s %14s %12s %8s%n", "C (FLOPs)", "N_opt", "D_opt", "tokens/param", "loss");
        for (double c : flops) {
            ChinchillaLaw.Allocation a = l.optimal(c);
            out.printf("%-10.0e %14.4g %14.4g %12.1f %8.4f%n", c, a.params(), a.tokens(), a.tokensPerParam(), a.loss());
        }
        out.println();
        out.println("train vs test compute: a model M times larger costs as much as the small model spending");
        out.println("M + 3 (M - 1) / R times more inference compute (Snell et al. 2024), R = D_inference / D_pretrain;");
        out.println("Jones 2021: about 15x test-time compute per 10x train-time compute.");
        out.printf("%8s %14s", "M", "Jones test x");
        for (double r : tokenRatios) out.printf(" %12s", "R=" + r);
        out.println();
        for (double m : ratios) {
            out.printf("%8.4g %14.4g", m, ComputeExchange.jonesTestMultiplier(m));
            for (double r : tokenRatios) out.printf(" %12.4g", ComputeExchange.snellInferenceMultiplier(m, 1, r));
            out.println();
        }
        out.flush();
        return 0;
    }
}
