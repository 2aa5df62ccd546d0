package dev.ponder.server.budget;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.config.KeyConfig;
import dev.ponder.server.ledger.Entry;
import dev.ponder.server.ledger.Ledger;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;

/**
 * A key's dollar budget, enforced by reservation: before any upstream call a request holds its worst-case cost, or
 * whatever is left of the budget when that is less but still covers one sample; the request's strategy then runs
 * under a cap equal to the hold (the session checks it before every call), so a request can never spend more than
 * it holds, and concurrent requests never take a key past its limit. Settled with the real cost afterwards.
 */
public final class Spending {
    private final Ledger ledger;
    private final InstantSource clock;

    /** What a request holds, and the dollar cap its strategy must run under (empty: none). */
    public record Reservation(Caller caller, Optional<Ledger.Hold> hold, Optional<Double> cap, String bucket) {}

    public Spending(Ledger ledger, InstantSource clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public Ledger ledger() { return ledger; }

    /** Reserves for a request whose worst case is {@code worst} and whose cheapest useful step is {@code oneSample}. */
    public Reservation reserve(Caller caller, Usage worst, Usage oneSample) {
        Optional<KeyConfig.DollarBudget> b = caller.key().flatMap(KeyConfig::budget);
        if (b.isEmpty()) return new Reservation(caller, Optional.empty(), Optional.empty(), "total");
        String bucket = b.get().period().bucket(clock.instant());
        Optional<Ledger.Hold> h = ledger.hold(caller.id(), bucket, worst.dollars(), oneSample.dollars(), b.get().dollars());
        if (h.isEmpty()) {
            Ledger.Spend s = ledger.spend(caller.id(), bucket);
            double left = Math.max(0, b.get().dollars() - s.spent() - s.held());
            throw ApiFailure.of(PonderException.Kind.BUDGET_EXCEEDED, "budget_exceeded", String.format(
                    "key %s: dollar budget exceeded for %s (%s): limit $%.6f, spent $%.6f, reserved by requests in flight"
                            + " $%.6f, left $%.6f; this request must reserve at least $%.6f (one sample's worst case; its whole worst case"
                            + " is $%.6f)",
                    caller.id(), bucket, b.get().period().name().toLowerCase(Locale.ROOT), b.get().dollars(), s.spent(),
                    s.held(), left, oneSample.dollars(), worst.dollars()));
        }
        return new Reservation(caller, h, h.map(Ledger.Hold::amount), bucket);
    }

    public void settle(Reservation r, Entry entry) {
        if (r.hold().isPresent()) ledger.settle(r.hold().get(), entry);
        else ledger.record(r.bucket(), entry);
    }
}
