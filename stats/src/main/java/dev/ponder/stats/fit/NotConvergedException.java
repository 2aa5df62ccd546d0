package dev.ponder.stats.fit;

/** A fit whose optimiser found no acceptable law: no start converged, or the best one is not a decreasing law. */
public final class NotConvergedException extends RuntimeException {
    public NotConvergedException(String message) {
        super(message);
    }
}
