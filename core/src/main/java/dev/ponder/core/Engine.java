package dev.ponder.core;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Problem;
import dev.ponder.core.route.Knob;
import dev.ponder.core.route.Router;
import dev.ponder.core.route.Tier;
import dev.ponder.core.strategy.BatchStrategy;
import dev.ponder.core.strategy.Result;
import dev.ponder.core.strategy.Session;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.core.trace.Trace;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The engine behind {@link Ponder}: one {@link Session} per question, as the lab's evaluation builds it, over a
 * backend wrapped to price token-only usage and to report progress. Strategy instances are kept per policy (strategy
 * and model), so one that learns across questions learns from every question this engine asks under that policy;
 * such a strategy solves one question at a time.
 */
final class Engine implements Ponder {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final Map<String, Supplier<Backend>> backends;
    private final List<String> models;
    private final PriceCatalogue prices;
    private final Optional<Router> router;
    private final Knob knob;
    private final Policy defaultPolicy;
    private final InstantSource clock;
    private final long seed;
    private final StrategyRegistry strategies;
    private final AnswerExtractor extractor;
    private final Optional<dev.ponder.core.answer.Grouping> semantic;
    private final int concurrency;
    private final Optional<dev.ponder.core.verify.Verifier> checker;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final SolveSpans spans;
    private final Executor virtual;

    /** A strategy instance kept for one policy, with the lock that serialises it when it learns. */
    private record Slot(Strategy strategy, Optional<ReentrantLock> lock) {}

    Engine(Builder b, Map<String, Supplier<Backend>> backends) {
        this.backends = Map.copyOf(backends);
        this.models = List.copyOf(backends.keySet());
        this.prices = b.prices;
        this.router = b.router;
        this.knob = b.knob;
        this.defaultPolicy = b.defaultPolicy;
        this.clock = b.clock;
        this.seed = b.seed;
        this.strategies = b.strategies;
        this.extractor = b.extractor;
        this.semantic = b.semantic;
        this.concurrency = b.concurrency;
        this.checker = b.checker;
        this.spans = new SolveSpans(b.telemetry);
        this.virtual = b.telemetry.wrap(r -> Thread.ofVirtual().name("ponder-solve").start(r));
    }

    @Override
    public Solution solve(String question, Policy policy) { return solve(List.of(Message.user(question)), policy); }

    @Override
    public Solution solve(List<Message> messages, Policy policy) { return spans.around(policy, () -> run(messages, policy, Optional.empty())); }

    @Override
    public CompletableFuture<Solution> solveAsync(List<Message> messages, Policy policy) {
        List<Message> m = List.copyOf(messages);
        return CompletableFuture.supplyAsync(() -> solve(m, policy), virtual);
    }

    @Override
    public CompletableFuture<Solution> stream(List<Message> messages, Policy policy, SolveListener listener) {
        List<Message> m = List.copyOf(messages);
        CompletableFuture<Solution> out = new CompletableFuture<>();
        virtual.execute(() -> {
            Solution s;
            try {
                s = spans.around(policy, () -> run(m, policy, Optional.of(listener)));
            } catch (RuntimeException e) {
                listener.onError(e);
                out.completeExceptionally(e);
                return;
            }
            try {
                listener.onSolution(s);
            } finally {
                out.complete(s);
            }
        });
        return out;
    }

    @Override
    public List<Solution> solveAll(List<String> questions, Policy policy) {
        if (policy.batch()) return batch(questions, policy);
        Optional<Strategy> fixed = policy.strategy().equals(Policy.AUTO) ? Optional.empty() : Optional.of(slot(resolveModel(policy), policy).strategy());
        fixed.ifPresent(s -> requireChecker(s, policy));
        boolean learns = fixed.map(Strategy::learnsAcrossQuestions).orElse(false);
        List<Solution> out = new ArrayList<>(questions.size());
        if (learns || concurrency == 1) {
            for (String q : questions) out.add(solve(q, policy));
            return out;
        }
        Semaphore permits = new Semaphore(concurrency);
        List<CompletableFuture<Solution>> futures = new ArrayList<>();
        for (String q : questions) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                permits.acquireUninterruptibly();
                try {
                    return solve(q, policy);
                } finally {
                    permits.release();
                }
            }, virtual));
        }
        for (CompletableFuture<Solution> f : futures) {
            try {
                out.add(f.join());
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw e;
            }
        }
        return out;
    }

    @Override
    public Policy defaultPolicy() { return defaultPolicy; }

    @Override
    public List<String> models() { return models; }

    @Override
    public PriceCatalogue prices() { return prices; }

    /** A question's session over an observed dispatching backend, with the policy's budget. */
    private record Prepared(Session session, Observed observed, String model) {
        Solution solution(Result r) {
            return new Solution(r.answer(), r.text(), r.confidence(), r.usage(), r.strategy() + ":" + model, r.samples(), r.stop(),
                    observed.failure(), r.trace());
        }
    }

    private Prepared prepare(List<Message> messages, Policy policy, String model, Optional<SolveListener> listener) {
        if (messages.isEmpty()) throw PonderException.invalid("no messages to solve (policy %s)", policy);
        String question = GenerationRequest.of("-", messages, 1).lastUserMessage();
        AnswerExtractor ex = answers(policy);
        Observed observed = new Observed(Backend.byModel(backends), prices, ex, listener);
        GenerationRequest request = new GenerationRequest(model, messages, 1, policy.maxTokens(), Optional.empty(), Map.of());
        Problem problem = new Problem("q" + Integer.toHexString(question.hashCode()), question, "");
        Session session = new Session(problem, observed, request, new Meter(policy.budget(), clock),
                new Trace("ponder-" + sequence.incrementAndGet()), ex, true,
                new SplittableRandom(seed * GOLDEN + question.hashCode()), clock, checker);
        return new Prepared(session, observed, model);
    }

    /** The policy's answer kind; a grouping's state is made here so that progress and the session share it. */
    private AnswerExtractor answers(Policy policy) {
        AnswerExtractor ex;
        try {
            ex = policy.answer().map(a -> AnswerExtractor.forName(a, semantic)).orElse(extractor);
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("policy %s: %s", policy, e.getMessage());
        }
        return ex instanceof dev.ponder.core.answer.Grouping g ? g.forQuestion() : ex;
    }

    private List<Solution> batch(List<String> questions, Policy policy) {
        String model = resolveModel(policy);
        List<Prepared> prepared = questions.stream().map(q -> prepare(List.of(Message.user(q)), policy, model, Optional.empty())).toList();
        List<Result> results = BatchStrategy.parse(policy.strategy(), StrategyRegistry.DEFAULT_MAX)
                .solve(prepared.stream().map(Prepared::session).toList());
        List<Solution> out = new ArrayList<>(questions.size());
        for (int i = 0; i < questions.size(); i++) out.add(prepared.get(i).solution(results.get(i)));
        return out;
    }

    private Solution run(List<Message> messages, Policy asked, Optional<SolveListener> listener) {
        if (asked.batch()) {
            throw PonderException.invalid("policy %s spends one budget across a batch: use solveAll(questions, policy)", asked);
        }
        if (messages.isEmpty()) throw PonderException.invalid("no messages to solve (policy %s)", asked);
        Policy policy = asked.strategy().equals(Policy.AUTO)
                ? route(GenerationRequest.of("-", messages, 1).lastUserMessage(), asked) : asked;
        String model = resolveModel(policy);
        Slot slot = slot(model, policy);
        requireChecker(slot.strategy(), policy);
        Prepared prepared = prepare(messages, policy, model, listener);
        Session session = prepared.session();
        Result r;
        if (slot.lock().isPresent()) {
            slot.lock().get().lock();
            try {
                r = slot.strategy().solve(session);
            } finally {
                slot.lock().get().unlock();
            }
        } else {
            r = slot.strategy().solve(session);
        }
        return prepared.solution(r);
    }

    /** Refuses, before any call, a strategy that cannot run without a checker when the engine has none. */
    private void requireChecker(Strategy strategy, Policy policy) {
        if (strategy.needsChecker() && checker.isEmpty()) {
            throw PonderException.invalid("policy %s needs a checker (a verifier that judges answers without the reference): build the engine"
                    + " with checker(v), e.g. checker(Verifier.game24()); named checkers: CheckerSpec.parse(NAME).create(resources)", policy);
        }
    }

    private String resolveModel(Policy policy) {
        String model = policy.model().orElse(models.getFirst());
        for (String tier : model.split(">")) {
            if (!backends.containsKey(tier.strip())) {
                throw new PonderException(PonderException.Kind.NOT_FOUND, "policy " + policy + ": no backend for model \"" + tier.strip()
                        + "\"; this engine has: " + String.join(", ", models));
            }
        }
        return model;
    }

    private Slot slot(String model, Policy policy) {
        String key = policy.strategy() + ":" + model + policy.calibration().map(c -> "#" + Integer.toHexString(c.hashCode())).orElse("");
        return slots.computeIfAbsent(key, k -> {
            Strategy s = policy.calibration().map(c -> Strategy.adaptive(c, policy.strategy().substring(policy.strategy().indexOf(':') + 1)))
                    .orElseGet(() -> strategies.parse(policy.strategy()));
            return new Slot(s, s.learnsAcrossQuestions() ? Optional.of(new ReentrantLock()) : Optional.empty());
        });
    }

    private Policy route(String question, Policy asked) {
        Router r = router.orElseThrow(() -> PonderException.invalid(
                "policy auto needs a router: build the engine with router(router, knob), or name a strategy such as vote@5"));
        Tier tier = r.choose(question, knob).tier();
        Policy chosen = Policy.parse(tier.name(), strategies);
        return new Policy(chosen.strategy(), chosen.model(), asked.budget(), asked.answer(), asked.maxTokens());
    }
}
