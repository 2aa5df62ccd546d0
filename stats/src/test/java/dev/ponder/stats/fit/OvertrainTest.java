package dev.ponder.stats.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ponder.stats.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OvertrainTest {
    private static final double[] SIZES = {1.1e7, 7.9e7, 1.5e8, 4.1e8};
    private static final double[] MULTIPLIERS = {5, 10, 20, 40, 80, 160, 320, 640};
    private static final OvertrainLaw TRUTH = new OvertrainLaw(1.8, 150, 400, 0.13);

    private static RandomGenerator rng(long seed) { return RandomGeneratorFactory.of("L64X128MixRandom").create(seed); }

    /** The paper's grid of runs, losses from the true law times exp(noise). */
    private static double[][] grid(double noise, long seed) {
        RandomGenerator r = rng(seed);
        int k = SIZES.length * MULTIPLIERS.length;
        double[] n = new double[k], d = new double[k], l = new double[k];
        int i = 0;
        for (double size : SIZES) {
            for (double m : MULTIPLIERS) {
                n[i] = size;
                d[i] = m * size;
                l[i] = TRUTH.loss(n[i], d[i]) * Math.exp(noise * r.nextGaussian());
                i++;
            }
        }
        return new double[][] {n, d, l};
    }

    @Test
    void the_law_is_chinchilla_with_one_exponent() {
        double n = 4e8, d = 3e10;
        double chinchilla = TRUTH.E() + TRUTH.paramsCoefficient() / Math.pow(n, TRUTH.exponent())
                + TRUTH.tokensCoefficient() / Math.pow(d, TRUTH.exponent());
        assertThat(TRUTH.loss(n, d)).isCloseTo(chinchilla, within(1e-12));
        assertThat(TRUTH.lossAt(6 * n * d, d / n)).isCloseTo(chinchilla, within(1e-12));
        // at fixed compute, the loss is lowest at the optimal multiplier
        double c = 1e21, mStar = TRUTH.optimalMultiplier();
        assertThat(TRUTH.lossAt(c, mStar)).isLessThan(TRUTH.lossAt(c, mStar * 1.3)).isLessThan(TRUTH.lossAt(c, mStar * 3));
        assertThat(TRUTH.lossAt(c, mStar)).isLessThan(TRUTH.lossAt(c, mStar / 1.3));
    }

    @Test
    void recovers_known_constants_from_every_run() {
        double[][] g = grid(0, 1);
        OvertrainFit fit = Overtrain.fit(g[0], g[1], g[2]);
        assertThat(fit.law().E()).isCloseTo(1.8, within(1e-4));
        assertThat(fit.law().a()).isCloseTo(150, within(0.05));
        assertThat(fit.law().b()).isCloseTo(400, within(0.1));
        assertThat(fit.law().eta()).isCloseTo(0.13, within(1e-5));
        assertThat(fit.points()).isEqualTo(32);
    }

    @Test
    void recovers_known_constants_from_the_papers_five_runs_and_predicts_large_ones() {
        double[][] g = grid(0.002, 3);
        int[] runs = Overtrain.paperRuns(g[0], g[1]);
        assertThat(runs).hasSize(5);
        double[] n = pick(g[0], runs), d = pick(g[1], runs), l = pick(g[2], runs);
        OvertrainFit fit = Overtrain.fit(n, d, l);
        assertThat(fit.points()).isEqualTo(5);
        assertThat(fit.law().eta()).isCloseTo(0.13, within(0.02));
        for (double[] big : new double[][] {{1.4e9, 640 * 1.4e9}, {6.9e9, 20 * 6.9e9}}) {
            assertThat(fit.law().loss(big[0], big[1])).isCloseTo(TRUTH.loss(big[0], big[1]), within(0.03 * TRUTH.loss(big[0], big[1])));
        }
    }

    @Test
    void papers_runs_are_m20_at_every_size_and_m320_at_the_smallest() {
        double[][] g = grid(0, 1);
        int[] runs = Overtrain.paperRuns(g[0], g[1]);
        for (int i : runs) {
            double m = g[1][i] / g[0][i];
            assertThat(m == 20 || (m == 320 && g[0][i] == SIZES[0])).as("run %d, M=%s", i, m).isTrue();
        }
        double[] only20 = {1e7, 2e7, 4e7, 8e7}, d20 = {2e8, 4e8, 8e8, 1.6e9};
        assertThatThrownBy(() -> Overtrain.paperRuns(only20, d20)).hasMessageContaining("found M = 20 at 4 sizes and no run at M = 320");
    }

    @Test
    void bootstrap_is_seeded_and_brackets_the_truth() {
        double[][] g = grid(0.004, 7);
        int[] runs = Overtrain.paperRuns(g[0], g[1]);
        OvertrainFit fit = Overtrain.fit(pick(g[0], runs), pick(g[1], runs), pick(g[2], runs));
        OvertrainBootstrap a = OvertrainBootstrap.run(g[0], g[1], g[2], runs, fit, 200, 0.95, rng(11));
        OvertrainBootstrap b = OvertrainBootstrap.run(g[0], g[1], g[2], runs, fit, 200, 0.95, rng(11));
        assertThat(a.replicates()).isEqualTo(b.replicates());
        assertThat(a.replicates().size() + a.failed()).isEqualTo(200);
        assertThat(a.pool()).isEqualTo(20);   // M in [20, 320] at 4 sizes
        var p = a.predict(1.4e9, 640 * 1.4e9);
        assertThat(TRUTH.loss(1.4e9, 640 * 1.4e9)).isBetween(p.low(), p.high());
        assertThat(a.parameters().keySet()).containsExactly("E", "a", "b", "eta");
        assertThat(a.parameters().get("eta").stderr()).isPositive();
    }

    @Test
    void bootstrap_size_is_bounded() {
        double[][] g = grid(0.004, 7);
        OvertrainFit fit = Overtrain.fit(g[0], g[1], g[2]);
        int[] all = IntStream.range(0, 32).toArray();
        assertThatThrownBy(() -> OvertrainBootstrap.run(g[0], g[1], g[2], all, fit, 2_000_000_000, 0.95, rng(1)))
                .hasMessageContaining("between 1 and 100000, was 2000000000");
    }

    @Test
    void a_loss_that_rises_with_scale_is_not_a_converged_law() {
        double[][] g = grid(0, 1);
        int[] runs = Overtrain.paperRuns(g[0], g[1]);
        double[] n = pick(g[0], runs), d = pick(g[1], runs), rising = new double[runs.length];
        for (int i = 0; i < runs.length; i++) rising[i] = 2 + 1e-3 * Math.pow(n[i], 0.3) + 1e-3 * Math.pow(d[i], 0.3);
        assertThatThrownBy(() -> Overtrain.fit(n, d, rising)).isInstanceOf(NotConvergedException.class)
                .hasMessageContaining("not a decreasing law");
    }

    @Test
    void rejects_too_few_or_non_positive_runs() {
        double[] one = {1, 1, 1, 1, 1};
        assertThatThrownBy(() -> Overtrain.fit(one, one, new double[] {1, 1, -2, 1, 1})).hasMessageContaining("run 2 must have N, D and loss > 0");
        assertThatThrownBy(() -> Overtrain.fit(new double[4], new double[4], new double[4])).hasMessageContaining("at least 5 runs, got 4");
    }

    /** The paper's notebook (scaling_explorer.ipynb) prints 0.7103% and 0.7320% for these two RedPajama runs. */
    @Test
    void reproduces_the_papers_relative_errors_on_redpajama() throws Exception {
        Optional<Path> train = SharedData.resolve("data/scaling_overtraining_gadre2024/redpajama_c4eval_train.csv");
        Optional<Path> test = SharedData.resolve("data/scaling_overtraining_gadre2024/redpajama_c4eval_test.csv");
        assumeTrue(train.isPresent() && test.isPresent(), "../shared not present: skipping the Gadre et al. reproduction");
        double[][] tr = read(train.get()), te = read(test.get());
        int[] runs = Overtrain.paperRuns(tr[0], tr[1]);
        OvertrainLaw law = Overtrain.fit(pick(tr[0], runs), pick(tr[1], runs), pick(tr[2], runs)).law();
        double[] expected = {Double.NaN, 0.7103, 0.7320};   // rows: 1.4B M=20, 1.4B M=640, 6.9B M=20
        double sum = 0;
        for (int i = 0; i < te[0].length; i++) {
            double err = 100 * Math.abs(law.loss(te[0][i], te[1][i]) / te[2][i] - 1);
            if (!Double.isNaN(expected[i])) assertThat(err).isCloseTo(expected[i], within(0.001));
            sum += err;
        }
        assertThat(sum / te[0].length).isLessThanOrEqualTo(1.5);
    }

    static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = v[idx[i]];
        return out;
    }

    private static double[][] read(Path csv) throws Exception {
        List<String[]> rows = Files.readAllLines(csv).stream().skip(1).filter(s -> !s.isBlank()).map(s -> s.split(",")).toList();
        double[][] out = new double[3][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < 3; c++) out[c][i] = Double.parseDouble(rows.get(i)[c]);
        }
        return out;
    }
}
