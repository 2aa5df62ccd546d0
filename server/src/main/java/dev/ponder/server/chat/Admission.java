package dev.ponder.server.chat;

import dev.ponder.core.answer.Grouping;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.api.Operation;
import dev.ponder.server.budget.Spending;
import dev.ponder.server.catalog.CascadeModel;
import dev.ponder.server.catalog.Catalog;
import dev.ponder.server.catalog.ServedModel;
import dev.ponder.server.catalog.UpstreamModel;
import dev.ponder.server.route.AutoRoute;
import java.util.Optional;

/**
 * Admission, in this order: resolve the model name (the router's choice for {@code auto}), check the key may use every
 * model the target runs on, check what would make the request fail after it spent (a strategy over the sample cap, an
 * unpriced model under {@code require_prices}, a strategy that needs a checker and has none), count the request against
 * the key's rates, decide how it runs, and reserve its worst-case cost against the key's budget. The caller was
 * authenticated as the request was read. A refusal is a decision like any other ({@link Decision.Refused}), never an
 * exception; a refusal before the reservation books nothing.
 */
record Admission(Catalog catalog, RateLimits limits, Spending spending, ChatOptions options) {

    /** With the proxy's defaults for what is checked before spending. */
    Admission(Catalog catalog, RateLimits limits, Spending spending) { this(catalog, limits, spending, ChatOptions.defaults()); }

    /**
     * Whether admitting may block, so it must not run on an event loop: the router computes embeddings ({@code auto}),
     * and a ledger on disk or in a database holds budgets there.
     */
    boolean mayBlock(ChatRequest request) { return request.model().equals(AutoRoute.MODEL) || !spending.ledger().holdsInMemory(); }

    Decision admit(Arrival a) {
        ChatRequest req = a.request();
        String strategy = "unknown";
        Decision.Admitted reserved = null;
        try {
            Catalog.Target t = catalog.resolve(req);
            strategy = t.strategy().name();
            for (String id : t.model().baseIds()) a.caller().mayUse(id);
            Optional<String> checker = beforeSpending(t, req);
            limits.admit(a.caller());
            Optional<UpstreamModel> asWritten = asWritten(req, t);
            ServedModel model = t.model();
            ServedModel.Ask ask = model.ask(req, a.traceId());
            if (asWritten.isEmpty()) {
                int runs = t.single() ? 1 : req.n();
                int perRun = t.single() ? req.n() : t.strategy().maxSamples();
                // universal self-consistency asks once more, after the samples: room for that call too
                int calls = perRun + (!t.single() && model.extractor() instanceof Grouping g && g.judged() ? 1 : 0);
                Spending.Reservation held = spending.reserve(a.caller(), model.worstCase(ask, calls, runs), model.worstCase(ask, 1, 1));
                return new Decision.Engine(a, t, ask, held, runs, perRun, checker);
            }
            Usage worst = model.worstCase(ask, req.n(), 1);
            Spending.Reservation held = spending.reserve(a.caller(), worst, req.n() == 1 ? worst : model.worstCase(ask, 1, 1));
            reserved = req.stream() ? new Decision.StreamRelay(a, t, asWritten.get(), held)
                    : req.operation() == Operation.CHAT ? new Decision.Relay(a, t, asWritten.get(), held)
                    : new Decision.Forward(a, t, asWritten.get(), held);
            requireWholeWorstCase(held, worst);
            return reserved;
        } catch (RuntimeException e) {
            return new Decision.Refused(a, strategy, ApiError.of(e), Optional.ofNullable(reserved));
        }
    }

    /**
     * What would fail only after spending, refused now: more samples a run than the proxy allows, a model without a
     * price under {@code require_prices}, a strategy that needs a checker without one. Returns the checker the request uses.
     */
    private Optional<String> beforeSpending(Catalog.Target t, ChatRequest req) {
        int max = t.strategy().maxSamples();
        if (!t.single() && max > options.maxSamples()) {
            throw ApiFailure.field("model", "strategy " + t.strategy().name() + " may draw " + max + " samples a run, more than this proxy's"
                    + " cap of " + options.maxSamples() + " (server.max_samples); ask for at most " + options.maxSamples());
        }
        if (t.model() instanceof UpstreamModel || t.model() instanceof CascadeModel) options.prices().used(t.model().baseIds());
        return req.operation() == Operation.CHAT ? options.checkers().specFor(t, req) : Optional.empty();
    }

    /**
     * The upstream model that takes the body as written: plain completions and embeddings; a non-streamed one-choice
     * {@code single} chat request on a plain upstream model that speaks OpenAI's chat completions, and one with tools or
     * tool turns on one (the upstream's answer, tool calls and their streamed deltas, then comes back as it wrote it). A
     * streamed request stays with the engine, which relays tokens live; n > 1 too, which the engine completes from
     * parallel calls when a server ignores n. Tools on anything else run on the engine, which votes over the calls; what
     * only an upstream can read (images, legacy functions) cannot.
     */
    private static Optional<UpstreamModel> asWritten(ChatRequest req, Catalog.Target t) {
        Optional<UpstreamModel> plain = t.single() && t.model() instanceof UpstreamModel u && u.pool().relays() ? Optional.of(u) : Optional.empty();
        if (req.operation() != Operation.CHAT && plain.isEmpty()) {
            throw ApiFailure.field("model", req.operation().path().substring(1) + " are relayed to an upstream as written, so they need a plain"
                    + " upstream model (no strategy, not a replayed bank) on an OpenAI-compatible upstream; " + req.model() + " is "
                    + (!t.single() ? "strategy " + t.strategy().name() : t.model() instanceof UpstreamModel ? "an upstream of another kind" : "a replayed bank"));
        }
        if (req.opaque().isPresent() && plain.isEmpty()) {
            throw ApiFailure.field(req.opaque().get(), req.opaque().get() + " is something only the upstream can read (non-text parts, legacy"
                    + " functions, tools that are not functions), so the request goes to it as sent and needs a plain model on an"
                    + " OpenAI-compatible upstream (one sample, no strategy); " + req.model() + " is " + (!t.single() ? "strategy "
                    + t.strategy().name() : t.model() instanceof UpstreamModel ? "an upstream of another kind" : "a replayed bank"));
        }
        return req.passthrough().isPresent() || (!req.stream() && req.n() == 1) ? plain : Optional.empty();
    }

    /** A request passed through cannot stop early, so the key's budget must cover its whole worst case. */
    private static void requireWholeWorstCase(Spending.Reservation held, Usage worst) {
        if (held.cap().isPresent() && held.cap().get() + 1e-12 < worst.dollars()) {
            throw new PonderException(PonderException.Kind.BUDGET_EXCEEDED, String.format("a passed-through request cannot stop"
                    + " early, so it must reserve its whole worst case of $%.6f; the key's budget has $%.6f left", worst.dollars(), held.cap().get()));
        }
    }
}
