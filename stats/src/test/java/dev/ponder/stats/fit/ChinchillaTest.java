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
import org.junit.jupiter.api.Test;

class ChinchillaTest {
    private static RandomGenerator rng(long seed) { return RandomGeneratorFactory.of("L64X128MixRandom").create(seed); }

    @Test
    void recovers_a_known_law_from_noisy_points() {
        ChinchillaLaw truth = new ChinchillaLaw(1.8, 500, 2000, 0.35, 0.37);
        RandomGenerator r = rng(5);
        int m = 150;
        double[] n = new double[m], d = new double[m], l = new double[m];
        for (int i = 0; i < m; i++) {
            n[i] = Math.pow(10, 7 + 3.5 * r.nextDouble());
            d[i] = Math.pow(10, 9 + 3 * r.nextDouble());
            l[i] = truth.loss(n[i], d[i]) * Math.exp(0.005 * r.nextGaussian());
        }
        ChinchillaFit fit = Chinchilla.fit(n, d, l);
        assertThat(fit.law().E()).isCloseTo(1.8, within(0.05));
        assertThat(fit.law().alpha()).isCloseTo(0.35, within(0.03));
        assertThat(fit.law().beta()).isCloseTo(0.37, within(0.03));
        assertThat(fit.goodness().rSquared()).isGreaterThan(0.95);
        assertThat(fit.goodness().residuals()).hasSize(m);
    }

    @Test
    void compute_optimal_allocation_spends_the_budget() {
        var a = ChinchillaLaw.EPOCH.optimal(1e24);
        assertThat(6 * a.params() * a.tokens()).isCloseTo(1e24, within(1e12));
        assertThat(a.tokensPerParam()).isBetween(10.0, 40.0);
        // at the optimum, moving along the iso-FLOP line in either direction raises the loss
        assertThat(ChinchillaLaw.EPOCH.loss(a.params() * 1.2, a.tokens() / 1.2)).isGreaterThan(a.loss());
        assertThat(ChinchillaLaw.EPOCH.loss(a.params() / 1.2, a.tokens() * 1.2)).isGreaterThan(a.loss());
    }

    @Test
    void rejects_non_positive_points() {
        double[] one = {1, 1, 1, 1, 1};
        assertThatThrownBy(() -> Chinchilla.fit(one, one, new double[] {1, 1, 0, 1, 1}))
                .hasMessageContaining("point 2 must have N, D and loss > 0");
    }

    @Test
    void reproduces_epoch_replication_on_shared_points() throws Exception {
        Optional<Path> csv = SharedData.resolve("data/scaling_chinchilla_epoch_replication/chinchilla_approach3_points.csv");
        assumeTrue(csv.isPresent(), "../shared not present: skipping the Epoch reproduction");
        List<String[]> rows = Files.readAllLines(csv.get()).stream().skip(1).map(s -> s.split(","))
                .filter(f -> f[4].equals("false")).toList();
        double[] n = rows.stream().mapToDouble(f -> Double.parseDouble(f[0])).toArray();
        double[] d = rows.stream().mapToDouble(f -> Double.parseDouble(f[1])).toArray();
        double[] l = rows.stream().mapToDouble(f -> Double.parseDouble(f[3])).toArray();
        ChinchillaFit fit = Chinchilla.fit(n, d, l);
        assertThat(fit.points()).isEqualTo(240);
        // Epoch notebook cell 18 (plain Huber grid fit): 477.84, 2143.86, 1.8172, 0.34731, 0.36718
        assertThat(fit.law().E()).isCloseTo(1.8172, within(5e-4));
        assertThat(fit.law().A()).isCloseTo(477.84, within(1.0));
        assertThat(fit.law().B()).isCloseTo(2143.86, within(5.0));
        assertThat(fit.law().alpha()).isCloseTo(0.34731, within(5e-5));
        assertThat(fit.law().beta()).isCloseTo(0.36718, within(5e-5));
        ChinchillaBootstrap bs = ChinchillaBootstrap.run(n, d, l, fit, 100, 0.95, rng(1));
        var p = bs.parameters();
        assertThat(p.get("alpha").stderr()).isBetween(0.008, 0.025);    // Epoch: 0.0154
        assertThat(p.get("E").interval().contains(1.817)).isTrue();
        assertThat(ChinchillaBootstrap.run(n, d, l, fit, 100, 0.95, rng(1)).replicates()).isEqualTo(bs.replicates());
    }
}
