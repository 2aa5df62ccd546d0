package dev.ponder.lab.route;

import dev.ponder.core.route.TierEstimate;
import dev.ponder.core.route.OutcomeTable;
import dev.ponder.core.route.Router;
import dev.ponder.stats.bootstrap.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Turns per-query estimates and true outcomes into the quality-cost curve, baselines, APGR and cost shares. */
final class Scoring {
    static final int GRID = 60;

    private Scoring() {}

    static RouterReport score(OutcomeTable table, List<List<TierEstimate>> estimates, String mode, String predictor, long seed, int resamples, List<String> notes) {
        List<OutcomeTable.Row> rows = table.rows();
        int n = rows.size(), tiers = table.tiers().size();
        if (n == 0) throw new IllegalArgumentException("no queries to evaluate on");
        double[] q = new double[tiers], c = new double[tiers];
        for (OutcomeTable.Row r : rows) for (int t = 0; t < tiers; t++) { q[t] += r.scores()[t] / n; c[t] += r.costs()[t] / n; }
        int strong = 0, weak = 0;
        for (int t = 1; t < tiers; t++) {
            if (q[t] > q[strong] || (q[t] == q[strong] && c[t] < c[strong])) strong = t;
            if (c[t] < c[weak] || (c[t] == c[weak] && q[t] < q[weak])) weak = t;     // ties: the worse one
        }
        double[] lambdas = grid(c[strong]);
        int[][] choice = new int[lambdas.length][n];
        for (int l = 0; l < lambdas.length; l++)
            for (int i = 0; i < n; i++) choice[l][i] = Router.pick(estimates.get(i), lambdas[l]);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        Metrics full = metrics(rows, choice, all, strong, weak);
        List<RouterReport.Point> points = new ArrayList<>();
        for (int l = 0; l < lambdas.length; l++) points.add(new RouterReport.Point(lambdas[l], full.quality[l], full.cost[l]));
        List<RouterReport.Single> singles = new ArrayList<>();
        List<double[]> singlePoints = new ArrayList<>();
        for (int t = 0; t < tiers; t++) {
            singles.add(new RouterReport.Single(table.tiers().get(t).model(), q[t], c[t]));
            singlePoints.add(new double[] {c[t], q[t]});
        }
        Frontier mix = Frontier.of(singlePoints);
        Map<String, Double> mixShare = new LinkedHashMap<>();
        for (double level : RouterReport.LEVELS) mixShare.put(key(level), mix.costFor(level * q[strong]) / c[strong]);
        // bootstrap over queries
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] shares = new double[RouterReport.LEVELS.size()][resamples];
        double[] apgrs = new double[resamples];
        int[] idx = new int[n];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < n; i++) idx[i] = rng.nextInt(n);
            Metrics m = metrics(rows, choice, idx, strong, weak);
            for (int k = 0; k < RouterReport.LEVELS.size(); k++) shares[k][b] = m.share[k];
            apgrs[b] = m.apgr;
        }
        Map<String, Double> share = new LinkedHashMap<>();
        Map<String, double[]> interval = new LinkedHashMap<>();
        for (int k = 0; k < RouterReport.LEVELS.size(); k++) {
            share.put(key(RouterReport.LEVELS.get(k)), full.share[k]);
            interval.put(key(RouterReport.LEVELS.get(k)), percentiles(shares[k]));
        }
        return new RouterReport(mode, n, predictor, points, singles.get(strong), singles, oracle(rows), full.apgr, percentiles(apgrs),
                share, interval, mixShare, notes);
    }

    static String key(double level) {
        return Double.toString(level);
    }

    /** Lambda grid in quality per unit of cost: 0, then 60 log-spaced values scaled by the strongest model's cost. */
    private static double[] grid(double strongCost) {
        double scale = strongCost > 0 ? strongCost : 1;
        double[] g = new double[GRID + 2];
        for (int i = 0; i < GRID; i++) g[i + 1] = Math.pow(10, -2 + 6.0 * i / (GRID - 1)) / scale;
        g[GRID + 1] = 1e9 / scale;
        return g;
    }

    private record Metrics(double[] quality, double[] cost, double[] share, double apgr) {}

    private static Metrics metrics(List<OutcomeTable.Row> rows, int[][] choice, int[] idx, int strong, int weak) {
        int n = idx.length, lambdas = choice.length;
        double[] quality = new double[lambdas], cost = new double[lambdas];
        double qs = 0, cs = 0, qw = 0, cw = 0;
        for (int i : idx) {
            OutcomeTable.Row r = rows.get(i);
            qs += r.scores()[strong]; cs += r.costs()[strong]; qw += r.scores()[weak]; cw += r.costs()[weak];
            for (int l = 0; l < lambdas; l++) { quality[l] += r.scores()[choice[l][i]]; cost[l] += r.costs()[choice[l][i]]; }
        }
        qs /= n; cs /= n; qw /= n; cw /= n;
        List<double[]> pts = new ArrayList<>();
        for (int l = 0; l < lambdas; l++) { quality[l] /= n; cost[l] /= n; pts.add(new double[] {cost[l], quality[l]}); }
        Frontier f = Frontier.of(pts);
        double[] share = new double[RouterReport.LEVELS.size()];
        for (int k = 0; k < share.length; k++) share[k] = f.costFor(RouterReport.LEVELS.get(k) * qs) / cs;
        pts.add(new double[] {cw, qw});
        double apgr = Frontier.of(pts).apgr(cw, qw, cs, qs);
        return new Metrics(quality, cost, share, apgr);
    }

    private static RouterReport.Single oracle(List<OutcomeTable.Row> rows) {
        double q = 0, c = 0;
        for (OutcomeTable.Row r : rows) {
            int best = 0;
            for (int t = 1; t < r.scores().length; t++)
                if (r.scores()[t] > r.scores()[best] || (r.scores()[t] == r.scores()[best] && r.costs()[t] < r.costs()[best])) best = t;
            q += r.scores()[best];
            c += r.costs()[best];
        }
        return new RouterReport.Single("oracle", q / rows.size(), c / rows.size());
    }

    /**
     * 2.5% and 97.5% quantiles, defined as every bootstrap interval is ({@link Quantiles}); NaN entries (level never
     * reached) count as +infinity, and a bound that reaches one is NaN.
     */
    private static double[] percentiles(double[] values) {
        if (values.length == 0) return new double[] {Double.NaN, Double.NaN};
        double[] v = Arrays.stream(values).map(x -> Double.isNaN(x) ? Double.POSITIVE_INFINITY : x).sorted().toArray();
        double lo = Quantiles.ofSorted(v, 0.025), hi = Quantiles.ofSorted(v, 0.975);
        return new double[] {Double.isFinite(lo) ? lo : Double.NaN, Double.isFinite(hi) ? hi : Double.NaN};
    }
}
