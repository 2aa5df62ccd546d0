package dev.ponder.core;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.answer.Grouping;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Message;
import dev.ponder.core.route.Knob;
import dev.ponder.core.route.Router;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.core.telemetry.Telemetry;
import dev.ponder.core.verify.Verifier;
import io.opentelemetry.api.OpenTelemetry;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The engine: spends test-time compute on questions under a {@link Policy} and says what it bought.
 * <pre>{@code
 * try (Ponder ponder = Ponder.builder()
 *         .openAi("gpt-4o-mini", OpenAiConfig.builder("https://api.openai.com/v1").apiKeyFromEnvironmentIfSet("OPENAI_API_KEY").build())
 *         .defaultPolicy(Policy.vote(5).withAnswer("number"))
 *         .build()) {
 *     Solution s = ponder.solve("A robe takes 2 bolts of blue fiber and half that much white fiber. How many bolts in total?",
 *             Policy.parse("vote@5:gpt-4o-mini").withBudgetDollars(0.01));
 *     System.out.println(s.answer() + " " + s.confidence() + " $" + s.dollars());
 * }
 * }</pre>
 * An engine is thread-safe. Strategies that learn across questions keep their state per engine and policy, and such
 * questions are solved one at a time.
 *
 * <p>Closing: {@link #close} waits for the solves in flight, then closes what the engine made itself (the clients of
 * {@link Builder#openAi}); what you passed in ({@link Builder#backend}, a checker, an embedding model) stays yours to
 * close. A closed engine refuses new solves.
 */
public interface Ponder extends AutoCloseable {

    /** Solves one question, asked as a single user message. */
    Solution solve(String question, Policy policy);

    /** Solves a conversation (system, user, assistant... messages); the last user message is the question. */
    Solution solve(List<Message> messages, Policy policy);

    /** Solves one question with the engine's default policy. */
    default Solution solve(String question) { return solve(question, defaultPolicy()); }

    /** Solves on a virtual thread. */
    CompletableFuture<Solution> solveAsync(List<Message> messages, Policy policy);

    default CompletableFuture<Solution> solveAsync(String question, Policy policy) {
        return solveAsync(List.of(Message.user(question)), policy);
    }

    /**
     * Solves on a virtual thread and reports to {@code listener}: progress after each sample (samples drawn, current
     * vote, dollars so far), then the solution or the error. The future completes after the listener has been told.
     */
    CompletableFuture<Solution> stream(List<Message> messages, Policy policy, SolveListener listener);

    default CompletableFuture<Solution> stream(String question, Policy policy, SolveListener listener) {
        return stream(List.of(Message.user(question)), policy, listener);
    }

    /**
     * Solves a batch, each question under {@code policy} (its budget is per question); solutions come back in the
     * questions' order. Questions run concurrently on virtual threads, unless the strategy learns across questions.
     * A batch policy ({@link Policy#optimal}) spends its samples across the whole batch.
     */
    List<Solution> solveAll(List<String> questions, Policy policy);

    Policy defaultPolicy();

    /** The model names this engine has backends for; the first is the default. */
    List<String> models();

    PriceCatalogue prices();

    /** Waits for the solves in flight, then closes the clients the engine made; idempotent. */
    @Override
    void close();

    static Builder builder() { return new Builder(); }

    /**
     * Configures an engine. Only a backend is required:
     * <pre>{@code
     * Ponder ponder = Ponder.builder()
     *         .openAi("cheap", OpenAiConfig.builder("http://localhost:8000/v1").model("qwen2.5-7b").build())
     *         .replay("recorded", BankReader.read(Path.of("data/banks/math-qwen25-rm8")))
     *         .prices(PriceCatalogue.load(Path.of("prices.json")))
     *         .defaultPolicy(Policy.vote(5))
     *         .seed(42)
     *         .build();
     * }</pre>
     */
    final class Builder {
        /** How a model's backend is made when the engine is built: the same instance for every solve, or a fresh replay. */
        @FunctionalInterface
        private interface Source {
            Supplier<Backend> make(PriceCatalogue prices, long seed, List<AutoCloseable> owned);
        }

        private final Map<String, Source> backends = new LinkedHashMap<>();
        private PriceCatalogue prices = PriceCatalogue.shipped();
        private Optional<Router> router = Optional.empty();
        private Knob knob = new Knob.Lambda(0);
        private Policy defaultPolicy = Policy.single();
        private InstantSource clock = InstantSource.system();
        private long seed = 0;
        private StrategyRegistry strategies = StrategyRegistry.standard();
        private AnswerExtractor extractor = AnswerExtractor.exact();
        private Optional<Grouping> semantic = Optional.empty();
        private int concurrency = 16;
        private Optional<Verifier> checker = Optional.empty();
        private Telemetry telemetry = Telemetry.off();

        Builder() {}

        /**
         * Serves policies naming {@code model} (and those naming none, if it is the first backend) from {@code backend}.
         * A cascade names several models, cheapest first: {@code cascade:gpt-4o-mini>o3-mini}.
         */
        public Builder backend(String model, Backend backend) {
            name(model);
            Objects.requireNonNull(backend, "backend");
            backends.put(model, (prices, seed, owned) -> () -> backend);
            return this;
        }

        /**
         * Serves {@code model} from an OpenAI-compatible server through a client the engine makes when it is built and
         * closes with {@link Ponder#close}.
         */
        public Builder openAi(String model, OpenAiConfig config) {
            Objects.requireNonNull(config, "config");
            return owned(model, () -> Backend.openAi(config));
        }

        /** Serves {@code model} from a backend made when the engine is built, which the engine closes ({@link #openAi}). */
        <B extends Backend & AutoCloseable> Builder owned(String model, Supplier<B> make) {
            name(model);
            backends.put(model, (prices, seed, owned) -> {
                B b = make.get();
                owned.add(b);
                return () -> b;
            });
            return this;
        }

        /**
         * Serves {@code model} from a bank's recorded samples, replayed in an order drawn from the engine's seed and
         * priced from the engine's catalogue (at the bank's model name). Questions must match the bank's exactly. Each
         * solve replays the bank afresh, so asking the same question twice gives the same samples.
         */
        public Builder replay(String model, Bank bank) {
            name(model);
            Objects.requireNonNull(bank, "bank");
            backends.put(model, (prices, seed, owned) -> () -> Backend.replay(bank, Optional.of(seed), prices));
            return this;
        }

        /** Dollars per million tokens by model name; prices calls whose backend reports tokens but no dollars. Default: the shipped catalogue. */
        public Builder prices(PriceCatalogue catalogue) { prices = Objects.requireNonNull(catalogue, "prices"); return this; }

        /** The router that {@link Policy#auto()} asks for a strategy and model, turned by {@code knob}. */
        public Builder router(Router r, Knob k) {
            router = Optional.of(Objects.requireNonNull(r, "router"));
            knob = Objects.requireNonNull(k, "knob");
            return this;
        }

        /** The policy of {@link Ponder#solve(String)}; default {@code single}. */
        public Builder defaultPolicy(Policy p) { defaultPolicy = Objects.requireNonNull(p, "defaultPolicy"); return this; }

        /** The clock deadlines are measured on; tests pass a fixed or hand-advanced one. */
        public Builder clock(InstantSource c) { clock = Objects.requireNonNull(c, "clock"); return this; }

        /** Seeds every random choice (replay order, strategies' draws) so runs repeat exactly; default 0. */
        public Builder seed(long s) { seed = s; return this; }

        /**
         * The strategies the router's tiers are read with ({@link Policy#auto()}); default {@link StrategyRegistry#standard()}.
         * A policy carries its own parsed strategy: parse yours with {@link Policy#parse(String, StrategyRegistry)}.
         */
        public Builder strategies(StrategyRegistry r) { strategies = Objects.requireNonNull(r, "strategies"); return this; }

        /** How answers are read when the policy names no extractor; default {@link AnswerExtractor#exact()}. */
        public Builder answers(AnswerExtractor e) { extractor = Objects.requireNonNull(e, "answers"); return this; }

        /**
         * What the answer kind {@code semantic} groups with ({@code Policy.vote(5).withAnswer("semantic")}): an embedding
         * model and its similarity threshold, {@link AnswerExtractor#semantic}; the lab's {@code MiniLm.grouping()} is
         * the in-process MiniLM model with the threshold chosen for it.
         */
        public Builder semantic(Grouping grouping) {
            if (!Objects.requireNonNull(grouping, "semantic").label().equals("semantic")) {
                throw PonderException.invalid("semantic(...) takes an AnswerExtractor.semantic(embedder, threshold) grouping, was %s", grouping.label());
            }
            semantic = Optional.of(grouping);
            return this;
        }

        /**
         * A checker: a verifier that judges answers without a reference answer (unit tests, an exact puzzle checker, an
         * LLM judge), consulted by {@code verify@K}, {@code refine@R} and {@code cascade}.
         */
        public Builder checker(Verifier v) { checker = Optional.of(Objects.requireNonNull(v, "checker")); return this; }

        /**
         * Traces every solve to {@code openTelemetry} (the application's own, with its SDK and exporter): a span per
         * question ({@code chat vote@5:gpt-4o-mini}, a child of the current span), a child per strategy step and, under
         * it, per upstream call, whose context the upstream gets as W3C {@code traceparent}. Default: none.
         */
        public Builder telemetry(OpenTelemetry openTelemetry) { telemetry = Telemetry.of(openTelemetry); return this; }

        /** At most this many questions of a batch in flight at once; default 16. */
        public Builder concurrency(int n) {
            if (n < 1) throw PonderException.invalid("concurrency must be >= 1, was %d", n);
            concurrency = n;
            return this;
        }

        public Ponder build() {
            if (backends.isEmpty()) {
                throw PonderException.invalid("no backend: add one with backend(model, backend) or replay(model, bank)");
            }
            List<AutoCloseable> owned = new ArrayList<>();
            Map<String, Supplier<Backend>> built = new LinkedHashMap<>();
            backends.forEach((m, source) -> built.put(m, source.make(prices, seed, owned)));
            return new Engine(new EngineSettings(built, List.copyOf(backends.keySet()), prices, router, knob, defaultPolicy, clock, seed,
                    strategies.copy(), extractor, semantic, concurrency, checker, telemetry, owned));
        }

        private static void name(String model) {
            if (model == null || model.isBlank()) throw PonderException.invalid("backend model name is blank");
        }
    }
}
