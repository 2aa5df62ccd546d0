package dev.ponder.core.budget;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;

/**
 * Holds a request's budget. Before a call the caller reserves the call's worst-case usage; after it, settles with
 * what was really used. Reservations count against the budget, so concurrent calls of one request cannot together
 * spend more than the budget allows.
 */
public final class Meter {
    private final Budget budget;
    private final InstantSource clock;
    private final Instant start;
    private double spentDollars;
    private long spentTokens;
    private double heldDollars;
    private long heldTokens;

    public Meter(Budget budget, InstantSource clock) {
        this.budget = budget;
        this.clock = clock;
        this.start = clock.instant();
    }

    public Budget budget() { return budget; }

    /** A hold on part of the budget; settle it exactly once. */
    public final class Reservation {
        private final double dollars;
        private final long tokens;
        private boolean settled;

        private Reservation(double dollars, long tokens) {
            this.dollars = dollars;
            this.tokens = tokens;
        }

        public void settle(Usage actual) {
            synchronized (Meter.this) {
                if (settled) throw new IllegalStateException("reservation settled twice");
                settled = true;
                heldDollars -= dollars;
                heldTokens -= tokens;
                spentDollars += actual.dollars();
                spentTokens += actual.totalTokens();
            }
        }
    }

    /**
     * Reserves a call's worst case, or throws {@code BUDGET_EXCEEDED} naming the limit, when the call could
     * take the spend past a limit or the deadline has passed.
     */
    public synchronized Reservation reserve(Usage worstCase) {
        if (deadlinePassed()) {
            throw new PonderException(PonderException.Kind.BUDGET_EXCEEDED,
                    "deadline of " + budget.deadline().orElseThrow() + " passed");
        }
        if (budget.maxDollars().isPresent()) {
            double max = budget.maxDollars().get();
            if (spentDollars + heldDollars + worstCase.dollars() > max + 1e-12) {
                throw new PonderException(PonderException.Kind.BUDGET_EXCEEDED, String.format(Locale.ROOT,
                        "dollar budget $%.6f: the next call reserves up to $%.6f (%s) and $%.6f is left (spent $%.6f, held $%.6f by calls in flight)",
                        max, worstCase.dollars(), tokens(worstCase), Math.max(0, max - spentDollars - heldDollars), spentDollars, heldDollars));
            }
        }
        if (budget.maxTokens().isPresent()) {
            long max = budget.maxTokens().get();
            if (spentTokens + heldTokens + worstCase.totalTokens() > max) {
                throw new PonderException(PonderException.Kind.BUDGET_EXCEEDED, String.format(Locale.ROOT,
                        "token budget %d: the next call reserves up to %d tokens (%s) and %d are left (spent %d, held %d by calls in flight)",
                        max, worstCase.totalTokens(), tokens(worstCase), Math.max(0, max - spentTokens - heldTokens), spentTokens, heldTokens));
            }
        }
        heldDollars += worstCase.dollars();
        heldTokens += worstCase.totalTokens();
        return new Reservation(worstCase.dollars(), worstCase.totalTokens());
    }

    /** What a worst case is made of: its output cap (the call's max_tokens times n) and estimated input. */
    private static String tokens(Usage worstCase) {
        return worstCase.outputTokens() + " output tokens at most + about " + worstCase.inputTokens() + " input";
    }

    public synchronized boolean deadlinePassed() {
        return budget.deadline().map(d -> Duration.between(start, clock.instant()).compareTo(d) >= 0).orElse(false);
    }

    public synchronized double spentDollars() { return spentDollars; }

    public synchronized long spentTokens() { return spentTokens; }
}
