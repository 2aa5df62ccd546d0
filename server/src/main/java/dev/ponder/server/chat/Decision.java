package dev.ponder.server.chat;

import dev.ponder.server.api.ApiError;
import dev.ponder.server.budget.Spending;
import dev.ponder.server.catalog.Catalog;
import dev.ponder.server.catalog.ServedModel;
import dev.ponder.server.catalog.UpstreamModel;
import java.util.Optional;

/**
 * What {@link Admission} made of a request: refused, or admitted to run one way while holding a reservation. How an
 * admitted request runs follows from its target: a body an upstream must or can take as written is relayed (without
 * blocking) or, streamed, passed through; everything else runs on the strategy engine.
 */
sealed interface Decision {
    Arrival arrival();

    /** Admitted, holding {@code held} against the key's budget: what settlement books the request's cost against. */
    sealed interface Admitted extends Decision permits Relay, StreamRelay, Forward, Engine {
        Catalog.Target target();

        Spending.Reservation held();
    }

    /** A non-streamed body relayed to the model's upstreams as written, on an event loop (tools, or one {@code single} choice). */
    record Relay(Arrival arrival, Catalog.Target target, UpstreamModel model, Spending.Reservation held) implements Admitted {}

    /** A streamed body passed through to the model's upstreams as written (tools and the like), chunk by chunk. */
    record StreamRelay(Arrival arrival, Catalog.Target target, UpstreamModel model, Spending.Reservation held) implements Admitted {}

    /** A plain completion or an embedding, not streamed, relayed to the model's upstreams as written on a thread that may block. */
    record Forward(Arrival arrival, Catalog.Target target, UpstreamModel model, Spending.Reservation held) implements Admitted {}

    /**
     * The strategy engine: {@code runs} runs of at most {@code perRun} samples each ({@code single}: one run drawing n),
     * consulting the checker {@code checker} names when there is one.
     */
    record Engine(Arrival arrival, Catalog.Target target, ServedModel.Ask ask, Spending.Reservation held, int runs, int perRun,
                  Optional<String> checker) implements Admitted {}

    /**
     * Refused with {@code error}, counted under {@code strategy} ({@code unknown} before the model resolved);
     * {@code reserved} is the admission whose reservation preceded the refusal, which settles at zero.
     */
    record Refused(Arrival arrival, String strategy, ApiError error, Optional<Admitted> reserved) implements Decision {}
}
