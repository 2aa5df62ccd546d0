package dev.ponder.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.stats.bootstrap.Bootstrap;
import dev.ponder.stats.bootstrap.Estimate;
import dev.ponder.stats.estimate.PassAtK;
import dev.ponder.stats.fit.Chinchilla;
import dev.ponder.stats.fit.ChinchillaBootstrap;
import dev.ponder.stats.fit.ChinchillaFit;
import dev.ponder.stats.fit.ChinchillaLaw;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Runs Ponder's estimators and Chinchilla fit and the NumPy/SciPy reference (python/stats_reference.py) on the same
 * inputs in one run, and prints timings, speed-ups and agreement. Arguments: PROBLEMS (pass@k rows of 100 samples,
 * default 10,000 = 10^6 samples), RESAMPLES (default 10,000), REFITS (Chinchilla bootstrap, default 1,000).
 */
public final class StatsBench {
    private StatsBench() {}

    record Row(String workload, double ponderSeconds, double referenceSeconds, String agreement) {}

    public static void main(String[] args) throws Exception {
        int problems = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int refits = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        Path dir = Files.createTempDirectory("ponder-bench");
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(0);

        int[] n = new int[problems], c = new int[problems];
        StringBuilder passk = new StringBuilder("n,c\n");
        for (int i = 0; i < problems; i++) {
            n[i] = 100;
            c[i] = rng.nextInt(101);
            passk.append(n[i]).append(',').append(c[i]).append('\n');
        }
        Files.writeString(dir.resolve("passk.csv"), passk);
        double[] values = new double[1000];
        StringBuilder vs = new StringBuilder("value\n");
        for (int i = 0; i < values.length; i++) {
            values[i] = rng.nextDouble() < 0.3 ? 1 : 0;
            vs.append(values[i]).append('\n');
        }
        Files.writeString(dir.resolve("values.csv"), vs);
        double[][] pts = chinchillaPoints(rng);
        StringBuilder ps = new StringBuilder("N,D,loss\n");
        for (double[] p : pts) ps.append(p[0]).append(',').append(p[1]).append(',').append(p[2]).append('\n');
        Files.writeString(dir.resolve("points.csv"), ps);

        Path script = Path.of("python/stats_reference.py");
        if (!Files.exists(script)) script = Path.of("bench/python/stats_reference.py");
        System.out.printf("running the NumPy/SciPy reference (%s) on %s ...%n", script, dir);
        Process p = new ProcessBuilder("python3", script.toString(), dir.toString(), String.valueOf(resamples),
                String.valueOf(refits)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException("reference failed with exit " + p.exitValue());
        JsonNode ref = new ObjectMapper().readTree(out);

        List<Row> rows = new ArrayList<>();
        double[] pk = new double[3];
        int[] ks = {1, 10, 100};
        double tPass = time(() -> {
            for (int j = 0; j < 3; j++) pk[j] = PassAtK.meanPassAtK(n, c, ks[j]);
            return pk[0];
        });
        double maxRel = 0;
        for (int j = 0; j < 3; j++) maxRel = Math.max(maxRel, rel(pk[j], ref.get("pass_at_k").get(String.valueOf(ks[j])).asDouble()));
        rows.add(new Row(String.format("pass@k, k=1,10,100, %,d samples", problems * 100L), tPass,
                ref.get("pass_at_k_seconds").asDouble(), String.format("max rel diff %.1e (goal 1e-9)", maxRel)));

        Estimate[] bs = new Estimate[1];
        double tBoot = time(() -> {
            bs[0] = Bootstrap.mean(values, resamples, 0.95, RandomGeneratorFactory.of("L64X128MixRandom").create(1));
            return bs[0].value();
        });
        JsonNode rb = ref.get("bootstrap");
        rows.add(new Row(String.format("bootstrap of a mean, %,d resamples x %,d", resamples, values.length), tBoot,
                ref.get("bootstrap_seconds").asDouble(), String.format("mean rel diff %.1e; stderr %.5f vs %.5f; CI [%.3f, %.3f] vs [%.3f, %.3f]",
                        rel(bs[0].value(), rb.get("mean").asDouble()), bs[0].stderr(), rb.get("stderr").asDouble(), bs[0].low(),
                        bs[0].high(), rb.get("lo").asDouble(), rb.get("hi").asDouble())));

        double[] pn = column(pts, 0), pd = column(pts, 1), pl = column(pts, 2);
        ChinchillaFit[] fit = new ChinchillaFit[1];
        double tFit = time(() -> {
            fit[0] = Chinchilla.fit(pn, pd, pl);
            return fit[0].objective();
        });
        JsonNode rc = ref.get("chinchilla");
        ChinchillaLaw l = fit[0].law();
        double fitRel = max(rel(l.E(), rc.get("E").asDouble()), rel(l.A(), rc.get("A").asDouble()), rel(l.B(), rc.get("B").asDouble()),
                rel(l.alpha(), rc.get("alpha").asDouble()), rel(l.beta(), rc.get("beta").asDouble()));
        rows.add(new Row(String.format("Chinchilla fit, %d points, grid + local", pts.length), tFit,
                ref.get("chinchilla_fit_seconds").asDouble(), String.format("params max rel diff %.2e (goal 1%%); objective %.10f vs %.10f",
                        fitRel, fit[0].objective(), rc.get("objective").asDouble())));
        ChinchillaBootstrap[] cb = new ChinchillaBootstrap[1];
        double tRefit = timeOnce(() -> {
            cb[0] = ChinchillaBootstrap.run(pn, pd, pl, fit[0], refits, 0.95, RandomGeneratorFactory.of("L64X128MixRandom").create(1));
            return 0.0;
        });
        JsonNode rs = ref.get("chinchilla_stderr");
        var est = cb[0].parameters();
        rows.add(new Row(String.format("Chinchilla bootstrap, %,d refits", refits), tRefit,
                ref.get("chinchilla_bootstrap_seconds").asDouble(), String.format("SE alpha %.4f vs %.4f, beta %.4f vs %.4f, E %.4f vs %.4f",
                        est.get("alpha").stderr(), rs.get("alpha").asDouble(), est.get("beta").stderr(), rs.get("beta").asDouble(),
                        est.get("E").stderr(), rs.get("E").asDouble())));

        System.out.printf(Locale.ROOT, "%n%-46s %11s %11s %9s  %s%n", "workload", "ponder s", "numpy s", "speed-up", "agreement");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-46s %11.4f %11.4f %8.1fx  %s%n", r.workload(), r.ponderSeconds(), r.referenceSeconds(),
                    r.referenceSeconds() / r.ponderSeconds(), r.agreement());
        }
        System.out.println("(ponder: best of 5 timed runs after 3 warm-ups, except the bootstrap refits: one run; numpy: one run."
                + " Bootstraps use different random streams, so they agree to Monte Carlo error, not exactly.)");
    }

    private static double[][] chinchillaPoints(RandomGenerator rng) throws IOException {
        Path shared = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("shared/data/scaling_chinchilla_epoch_replication/chinchilla_approach3_points.csv");
            if (Files.exists(f)) {
                shared = f;
                break;
            }
        }
        List<double[]> out = new ArrayList<>();
        if (shared != null) {
            for (String line : Files.readAllLines(shared).subList(1, Files.readAllLines(shared).size())) {
                String[] f = line.split(",");
                if (f[4].equals("false")) out.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[3])});
            }
            System.out.println("Chinchilla points: Epoch's 240 (" + shared + ")");
            return out.toArray(double[][]::new);
        }
        ChinchillaLaw truth = ChinchillaLaw.EPOCH;
        for (int i = 0; i < 240; i++) {
            double nn = Math.pow(10, 7.5 + 3 * rng.nextDouble()), d = Math.pow(10, 9 + 2.5 * rng.nextDouble());
            out.add(new double[] {nn, d, truth.loss(nn, d) * Math.exp(0.02 * rng.nextGaussian())});
        }
        System.out.println("Chinchilla points: 240 synthetic (shared data not found)");
        return out.toArray(double[][]::new);
    }

    private static double time(Supplier<Double> work) {
        double sink = 0;
        for (int i = 0; i < 3; i++) sink += work.get();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 5; i++) best = Math.min(best, timeOnce(work));
        if (Double.isNaN(sink)) System.out.print("");
        return best;
    }

    private static double timeOnce(Supplier<Double> work) {
        long t = System.nanoTime();
        work.get();
        return (System.nanoTime() - t) / 1e9;
    }

    private static double[] column(double[][] m, int j) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) out[i] = m[i][j];
        return out;
    }

    private static double rel(double a, double b) { return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300); }

    private static double max(double... v) {
        double m = 0;
        for (double x : v) m = Math.max(m, x);
        return m;
    }
}
