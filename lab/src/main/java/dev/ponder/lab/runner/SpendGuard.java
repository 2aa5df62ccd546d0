package dev.ponder.lab.runner;

/**
 * The run's dollar limit ({@code --max-dollars}): a call reserves its worst case before it starts and settles
 * with what it cost, so the spend never passes the limit even with calls in flight.
 */
final class SpendGuard {
    private final double max;
    private double spent;
    private double reserved;

    SpendGuard(double max) { this.max = max; }

    static SpendGuard unlimited() { return new SpendGuard(Double.POSITIVE_INFINITY); }

    synchronized boolean reserve(double worst) {
        if (spent + reserved + worst > max) return false;
        reserved += worst;
        return true;
    }

    synchronized void settle(double worst, double actual) {
        reserved -= worst;
        spent += actual;
    }

    synchronized double spent() { return spent; }

    synchronized double left() { return Math.max(0, max - spent - reserved); }

    double max() { return max; }
}
