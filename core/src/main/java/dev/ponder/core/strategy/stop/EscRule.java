package dev.ponder.core.strategy.stop;

import dev.ponder.core.model.Sample;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ESC, "Escape Sky-high Cost: Early-stopping Self-Consistency for Multi-step Reasoning" (Li et al., ICLR 2024):
 * sample in windows of w; stop after the first window whose w answers are all the same (an empty answer counts as
 * an answer here, as in the reference code).
 */
record EscRule(int window) implements StopRule {
    EscRule {
        if (window < 1) throw new IllegalArgumentException("ESC window must be >= 1, was " + window);
    }

    @Override
    public int batch() { return window; }

    @Override
    public boolean shouldStop(List<Sample> drawn) {
        if (drawn.isEmpty() || drawn.size() % window != 0) return false;
        Set<String> last = new HashSet<>();
        for (Sample s : drawn.subList(drawn.size() - window, drawn.size())) last.add(s.answer());
        return last.size() == 1;
    }

    @Override
    public String name() { return "esc@" + window; }
}
