package dev.ponder.core.calibrate;

import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Made-up calibration questions from a known model: each question has a modal answer drawn with probability p
 * (uniform in [pLow, 1]) and three others share the rest; the modal answer is right on 80% of questions.
 */
final class Synthetic {
    private Synthetic() {}

    static List<Question> questions(int n, int samples, double pLow, boolean labelled, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Question> out = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            double p = pLow + (1 - pLow) * rng.nextDouble();
            boolean modalRight = rng.nextDouble() < 0.8;
            List<Sample> ss = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                String a = rng.nextDouble() < p ? "m" : "o" + rng.nextInt(3);
                Optional<Boolean> ok = labelled ? Optional.of(a.equals("m") == modalRight && (a.equals("m") || a.equals("o0"))) : Optional.empty();
                ss.add(new Sample(i, "t", "", a, Usage.ZERO, Optional.empty(), ok, "sample"));
            }
            out.add(new Question("q" + q, ss));
        }
        return out;
    }

    static Provenance provenance() { return new Provenance("m", "exact", Optional.of("synthetic"), "synthetic questions"); }
}
