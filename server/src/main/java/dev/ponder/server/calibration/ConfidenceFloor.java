package dev.ponder.server.calibration;

import dev.ponder.core.backend.Generation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * DeepConf's online filter (Fu et al. 2025, "Deep Think with Confidence", Algorithm 2, DeepConf-high) over one model's
 * traffic: after a warm-up of {@link #WARM_UP} samples, a sample whose lowest group confidence is below the 10th
 * percentile of the recent samples' (DeepConf-high keeps the top 90%) is dropped from the vote: its weight becomes 0,
 * so the weighted vote and the weighted stopping rule ignore it. The paper stops such a trace while it is generated;
 * the proxy receives whole samples, so the tokens are spent and only the vote is spared. Each sample is judged against
 * the ones before it, never itself. Thread-safe.
 */
final class ConfidenceFloor {
    /** DeepConf's warm-up: the traces whose confidences set the threshold before any is dropped. */
    static final int WARM_UP = 16;
    /** DeepConf-high's share kept: the threshold is the (1 - KEEP) quantile of the warm-up's lowest group confidences. */
    static final double KEEP = 0.9;
    /** How many recent samples the threshold is taken over. */
    static final int RECENT = 1024;

    private final double[] recent = new double[RECENT];
    private int size;
    private int next;
    private long seen;
    private long dropped;

    /** The generations with the ones below the floor weighted 0; their measures join the recent ones afterwards. */
    synchronized List<Generation> adjust(List<Generation> generations) {
        Optional<Double> floor = floor();
        List<Generation> out = new ArrayList<>(generations.size());
        boolean changed = false;
        for (Generation g : generations) {
            if (g.measured().isEmpty()) {
                out.add(g);
                continue;
            }
            double lowest = g.measured().get().lowestGroupConfidence();
            if (floor.isPresent() && lowest < floor.get()) {
                out.add(g.withConfidence(Optional.of(0.0)));
                dropped++;
                changed = true;
            } else {
                out.add(g);
            }
        }
        for (Generation g : generations) g.measured().ifPresent(m -> add(m.lowestGroupConfidence()));
        return changed ? out : generations;
    }

    private void add(double lowest) {
        recent[next] = lowest;
        next = (next + 1) % RECENT;
        size = Math.min(RECENT, size + 1);
        seen++;
    }

    /** The current threshold, once the warm-up is in. */
    synchronized Optional<Double> floor() {
        if (size < WARM_UP) return Optional.empty();
        double[] sorted = Arrays.copyOf(recent, size);
        Arrays.sort(sorted);
        return Optional.of(sorted[(int) Math.floor((1 - KEEP) * (size - 1))]);
    }

    synchronized long seen() { return seen; }

    synchronized long dropped() { return dropped; }
}
