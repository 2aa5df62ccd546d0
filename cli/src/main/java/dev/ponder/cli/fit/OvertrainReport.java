package dev.ponder.cli.fit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.stats.fit.ChinchillaLaw;
import dev.ponder.stats.fit.OvertrainBootstrap;
import dev.ponder.stats.fit.OvertrainFit;
import dev.ponder.stats.fit.OvertrainLaw;
import dev.ponder.stats.interval.Interval;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/** What {@code ponder fit overtrain} prints: the law with intervals, compute-optimal runs, predictions and their errors. */
record OvertrainReport(Runs data, int[] fitted, String selection, OvertrainFit fit, OvertrainBootstrap bs,
                       Optional<Runs> targets, Optional<ChinchillaLaw> chinchilla, long seed) {
    static final String FORM = "L(C,M) = E + (a M^eta + b M^-eta) C^-eta, C = 6ND, M = D/N";

    /** One predicted run: the law's loss with its interval and, when the row has one, the observed loss. */
    record Prediction(double n, double d, double loss, Interval interval, OptionalDouble actual) {
        OptionalDouble errorPercent() {
            return actual.isPresent() ? OptionalDouble.of(100 * (loss / actual.getAsDouble() - 1)) : OptionalDouble.empty();
        }
    }

    List<Prediction> predictions() {
        List<Prediction> out = new ArrayList<>();
        for (Runs.Run r : targets.map(Runs::kept).orElse(List.of())) {
            out.add(new Prediction(r.n(), r.d(), fit.law().loss(r.n(), r.d()), bs.predict(r.n(), r.d()), r.loss()));
        }
        return out;
    }

    /** Mean absolute percentage error over the rows that carry a loss, when any does. */
    OptionalDouble mape(List<Prediction> ps) {
        return ps.stream().filter(p -> p.actual().isPresent()).mapToDouble(p -> Math.abs(p.errorPercent().getAsDouble())).average();
    }

    /** The Chinchilla form's errors, in percent, on the same rows (those with a loss). */
    double[] chinchillaErrors(ChinchillaLaw law) {
        return targets.orElseThrow().kept().stream().filter(r -> r.loss().isPresent())
                .mapToDouble(r -> 100 * (law.loss(r.n(), r.d()) / r.loss().getAsDouble() - 1)).toArray();
    }

    /** The least (or greatest) M = D/N among the fitted runs. */
    private double fittedMultiplier(boolean least) {
        var ms = IntStream.of(fitted).mapToDouble(i -> data.kept().get(i).d() / data.kept().get(i).n());
        return (least ? ms.min() : ms.max()).orElseThrow();
    }

    String fittedOn() {
        return fit.points() + " of " + data.kept().size() + " runs (--runs " + selection
                + (selection.equals("paper") ? ": M = 20 at every size, M = 320 at the smallest)" : ")");
    }

    ObjectNode json() {
        ObjectNode root = JsonOut.object();
        root.put("law", FORM);
        root.put("runs", selection);
        root.put("rows", data.kept().size() + data.filtered());
        root.put("filtered", data.filtered());
        root.put("points", fit.points());
        root.put("excluded", data.kept().size() + data.filtered() - fit.points());
        FitChinchilla.putEstimates(root, bs.parameters());
        OvertrainLaw law = fit.law();
        JsonOut.put(root.putObject("chinchilla_form"), new String[] {"A", "B", "alpha", "beta"},
                new double[] {law.paramsCoefficient(), law.tokensCoefficient(), law.exponent(), law.exponent()});
        FitChinchilla.putGoodness(root, fit.goodness(), "sse", fit.sse());
        root.set("fitted_M", JsonOut.pair(fittedMultiplier(true), fittedMultiplier(false)));
        ArrayNode fittedRows = root.putArray("fitted_lines");
        for (int i : fitted) fittedRows.add(data.kept().get(i).line());
        ArrayNode optimal = root.putArray("optimal");
        for (double c : FitChinchilla.BUDGETS) {
            Interval m = bs.of(OvertrainLaw::optimalMultiplier).interval();
            ObjectNode o = optimal.addObject();
            double mStar = law.optimalMultiplier(), nOpt = Math.sqrt(c / (6 * mStar));
            o.put("C_flops", c);
            o.put("N_params", nOpt);
            o.put("D_tokens", mStar * nOpt);
            o.put("tokens_per_param", mStar);
            o.put("loss", law.lossAt(c, mStar));
            o.set("N_params_ci95", JsonOut.pair(Math.sqrt(c / (6 * m.high())), Math.sqrt(c / (6 * m.low()))));
            o.set("tokens_per_param_ci95", JsonOut.pair(m.low(), m.high()));
        }
        List<Prediction> ps = predictions();
        ArrayNode preds = root.putArray("predictions");
        for (Prediction p : ps) {
            ObjectNode o = preds.addObject();
            o.put("N_params", p.n());
            o.put("D_tokens", p.d());
            o.put("tokens_per_param", p.d() / p.n());
            o.put("loss", p.loss());
            o.put("lo", p.interval().low());
            o.put("hi", p.interval().high());
            p.actual().ifPresent(a -> o.put("actual", a));
            p.errorPercent().ifPresent(e -> o.put("error_pct", e));
        }
        mape(ps).ifPresent(m -> root.put("mape", m));
        chinchilla.ifPresent(c -> {
            ObjectNode o = root.putObject("comparison").putObject("chinchilla");
            o.put("points", data.kept().size());
            JsonOut.put(o.putObject("params"), new String[] {"E", "A", "B", "alpha", "beta"},
                    new double[] {c.E(), c.A(), c.B(), c.alpha(), c.beta()});
            ArrayNode errs = o.putArray("error_pct");
            double sum = 0;
            for (double e : chinchillaErrors(c)) {
                errs.add(e);
                sum += Math.abs(e);
            }
            o.put("mape", sum / errs.size());
        });
        root.put("bootstrap", bs.replicates().size() + bs.failed());
        root.put("bootstrap_failed", bs.failed());
        root.put("residual_pool", bs.pool());
        root.put("seed", seed);
        root.put("method", "least squares on loss, 128 starts (Gadre et al.'s grid), Levenberg-Marquardt; "
                + "fixed-design residual bootstrap, percentile intervals");
        return root;
    }

    void print(PrintWriter out) {
        OvertrainLaw law = fit.law();
        out.printf("over-training law (Gadre et al. 2024)  %s%n", FORM);
        out.printf("fitted on %s: least squares on loss, 128 starts, Levenberg-Marquardt%n", fittedOn());
        out.printf("%-6s %12s %12s %26s%n", "param", "value", "stderr", "95% interval");
        bs.parameters().forEach((k, e) -> out.printf("%-6s %12.5g %12.4g   [%10.5g, %10.5g]%n", k, e.value(), e.stderr(),
                e.low(), e.high()));
        out.printf("as Chinchilla's form E + A/N^alpha + B/D^beta: A %.5g, B %.5g, alpha = beta = 2 eta = %.4f%n",
                law.paramsCoefficient(), law.tokensCoefficient(), law.exponent());
        out.printf("fit: R^2 %.4f, RMSE %.4g (loss units) on the fitted runs; %d bootstrap refits (%d did not converge), "
                + "residuals from %d runs, seed %d%n", fit.goodness().rSquared(), fit.goodness().rmse(),
                bs.replicates().size() + bs.failed(), bs.failed(), bs.pool(), seed);
        Interval m = bs.of(OvertrainLaw::optimalMultiplier).interval();
        double lo = fittedMultiplier(true), hi = fittedMultiplier(false);
        double mStar = law.optimalMultiplier();
        out.printf("compute-optimal M = D/N per the law: %.1f [%.1f, %.1f] at every compute%s%n", mStar, m.low(), m.high(),
                mStar < lo || mStar > hi ? String.format(" (outside the fitted M, %.0f to %.0f: an extrapolation)", lo, hi) : "");
        List<Prediction> ps = predictions();
        if (ps.isEmpty()) {
            out.flush();
            return;
        }
        out.println();
        out.printf("%-11s %-11s %6s %9s %22s %9s %8s%n", "N_params", "D_tokens", "M", "loss", "95% interval", "actual", "error");
        for (Prediction p : ps) {
            out.printf("%-11.4g %-11.4g %6.0f %9.4f   [%8.4f, %8.4f] %9s %8s%n", p.n(), p.d(), p.d() / p.n(), p.loss(),
                    p.interval().low(), p.interval().high(),
                    p.actual().isPresent() ? String.format("%.4f", p.actual().getAsDouble()) : "-",
                    p.errorPercent().isPresent() ? String.format("%+.2f%%", p.errorPercent().getAsDouble()) : "-");
        }
        long withLoss = ps.stream().filter(p -> p.actual().isPresent()).count();
        mape(ps).ifPresent(v -> out.printf("MAPE %.2f%% over %d run%s with a loss%n", v, withLoss, withLoss == 1 ? "" : "s"));
        chinchilla.ifPresent(c -> {
            double[] errs = chinchillaErrors(c);
            StringBuilder each = new StringBuilder();
            double sum = 0;
            for (double e : errs) {
                each.append(each.isEmpty() ? "" : ", ").append(String.format("%+.2f%%", e));
                sum += Math.abs(e);
            }
            out.printf("Chinchilla form (ponder fit chinchilla on all %d runs): MAPE %.2f%% (%s)%n", data.kept().size(),
                    sum / errs.length, each);
        });
        out.flush();
    }
}
