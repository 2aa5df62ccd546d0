package dev.ponder.server.calibration;

import dev.ponder.core.strategy.Result;
import dev.ponder.core.strategy.Session;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.StrategyRegistry;

/**
 * The proxy's {@code adaptive} when the config has a {@code calibration:} section: on a model with a calibration of
 * its own (a file, or fitted on its live traffic) it runs that one's setting ({@link ModelState#strategy()}); on any
 * other model, the shipped default, as {@code adaptive} does everywhere else.
 */
final class LiveAdaptive implements Strategy {
    private final Tuner tuner;
    private final Strategy shipped = StrategyRegistry.standard().parse("adaptive");

    LiveAdaptive(Tuner tuner) { this.tuner = tuner; }

    @Override
    public String name() { return "adaptive"; }

    /** The largest full budget of a calibrated model, or the shipped default's (what a request reserves). */
    @Override
    public int maxSamples() { return Math.max(shipped.maxSamples(), tuner.largestBudget()); }

    @Override
    public Result solve(Session session) {
        var state = tuner.state(session.baseRequest().model());
        if (state.isEmpty()) return shipped.solve(session);
        Result r = state.get().strategy().solve(session);
        state.get().ran(r.samples().size());
        return r;
    }
}
