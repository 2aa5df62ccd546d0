package dev.ponder.lab.runner;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Problem;
import dev.ponder.lab.eval.Evaluation;
import dev.ponder.lab.live.LiveClients;
import dev.ponder.lab.live.LiveEndpoint;
import dev.ponder.lab.live.Preflight;
import dev.ponder.lab.plan.BackendSpec;
import dev.ponder.lab.plan.Config;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the backend a configuration draws from: a fresh replay session per configuration (so its draws depend
 * only on the seed and the problem), one shared live client per backend and model. Each named backend has one set
 * of {@link Limits} shared by all its configurations. {@link #preflight} checks the live ones before any call.
 * {@link #close} closes the live clients.
 */
public final class Backends implements AutoCloseable {
    private final Runner.Settings settings;
    private final LiveClients clients = new LiveClients();
    private final Map<String, Backend> live = new ConcurrentHashMap<>();
    private final Map<String, Limits> limits = new ConcurrentHashMap<>();
    private final Map<String, Backend> replays = new ConcurrentHashMap<>();

    public Backends(Runner.Settings settings) { this.settings = settings; }

    Backend backendFor(Config c) {
        BackendSpec b = c.backend();
        PriceCatalogue prices = new PriceCatalogue(Map.of(c.model(), c.price()));
        if (b.isReplay()) {
            Optional<Long> seed = b.order().orElse("shuffled").equals("shuffled") ? Optional.of(c.seed()) : Optional.empty();
            return replays.computeIfAbsent(c.id(), k -> Backend.replay(c.source().bank().orElseThrow(), seed, prices));
        }
        return live.computeIfAbsent(b.name() + "|" + c.model(), k -> clients.open(endpoint(b), c.model(), prices, c.seed(), b.servesCompletions()));
    }

    /** A judge model on a configuration's live backend (for the {@code llm-judge:MODEL} checker). */
    Backend judgeFor(Config c, String model) {
        BackendSpec b = c.backend();
        if (b.isReplay()) throw PonderException.invalid("checker llm-judge:%s needs a live backend; %s replays a bank", model, b.name());
        return live.computeIfAbsent(b.name() + "|" + model, k -> clients.open(endpoint(b), model, settings.prices(), c.seed(), false));
    }

    private LiveEndpoint endpoint(BackendSpec b) {
        LiveEndpoint.Api api = LiveEndpoint.Api.ofKind(b.kind()).orElseThrow();
        return new LiveEndpoint(api, b.baseUrl().orElseThrow(), b.apiKeyEnv().orElse(api.defaultKeyEnv()), settings.maxRetries());
    }

    /** Closes the live clients: their connections close, and calls still in flight fail. */
    @Override
    public void close() { clients.close(); }

    Limits limitsFor(Config c) {
        BackendSpec b = c.backend();
        return limits.computeIfAbsent(b.name(), k -> Limits.of(b.concurrency().orElse(b.isReplay() ? 64 : 8),
                b.requestsPerMinute(), b.tokensPerMinute(), settings.clock(), settings.sleeper()));
    }

    /**
     * Checks the live configurations before any call: OpenAI's URL with no key is refused, and so is a per-problem
     * budget that cannot cover one call (INVALID_INPUT naming the backend, the model and the figure needed). Returns
     * the warnings to print once: models priced at $0 because the catalogue does not know them.
     */
    public List<String> preflight(List<Config> configs, PriceCatalogue catalogue) {
        Set<String> warnings = new LinkedHashSet<>();
        for (Config c : configs) {
            if (c.backend().isReplay()) continue;
            endpoint(c.backend()).missingKey(System.getenv()).ifPresent(why -> {
                throw PonderException.invalid("backend \"%s\": %s (or name another variable with api_key_env)", c.backend().name(), why);
            });
            if (c.price().equals(Price.FREE) && catalogue.find(c.model()).isEmpty()) {
                warnings.add("model \"" + c.model() + "\" is not in the price catalogue: its calls count as $0 (give it a price in the plan's"
                        + " models, or pass --prices FILE)");
            }
            Optional<Problem> longest = c.source().problems().stream().max(Comparator.comparingInt(p -> p.question().length()));
            if (longest.isEmpty() || c.budget().toBudget().equals(Budget.UNLIMITED)) continue;
            Evaluation e = new Evaluation(c.model(), c.source().extractor(), false, (p, r) -> false, c.budget().toBudget(), c.seed(), 1,
                    Evaluation.questionOnly(), settings.clock()).withSampling(c.sampling());
            Preflight.oneCall(e.budget(), backendFor(c), e.request(longest.get())).ifPresent(why -> {
                throw PonderException.invalid("%s, budget %s: %s; raise the budget or lower max_tokens", c.backend().name(), c.budget().label(), why);
            });
        }
        return new ArrayList<>(warnings);
    }
}
