package dev.ponder.core;

import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Message;
import dev.ponder.core.route.Router;
import dev.ponder.core.route.Tier;
import dev.ponder.core.strategy.Result;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.core.strategy.StrategySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The engine behind {@link Ponder}: one session per question ({@link Prepared}), as the lab's evaluation builds it, over a
 * backend wrapped to price token-only usage and to report progress. Strategy instances are kept per policy (strategy
 * spec and model), so one that learns across questions learns from every question this engine asks under that
 * policy; such a strategy solves one question at a time. Asynchronous solves run on the engine's virtual threads;
 * {@link #close} waits for them, and for the synchronous solves under way on callers' threads, before it closes the
 * clients the engine made.
 */
final class Engine implements Ponder {
    private final EngineSettings c;
    private final Map<SlotKey, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    /** Virtual threads, each task in its submitter's trace context when telemetry is on. */
    private final ExecutorService workers;
    private final SolveSpans spans;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Held shared by each synchronous solve, so that {@link #close} can wait for those on callers' threads. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

    /** A strategy instance kept for one policy, with the lock that serialises it when it learns. */
    private record Slot(Strategy strategy, Optional<ReentrantLock> lock) {}

    private record SlotKey(StrategySpec.PerQuestion spec, String model) {}

    Engine(EngineSettings settings) {
        this.c = settings;
        this.workers = settings.telemetry().wrap(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ponder-solve").factory()));
        this.spans = new SolveSpans(settings.telemetry());
    }

    @Override
    public Solution solve(String question, Policy policy) { return solve(List.of(Message.user(question)), policy); }

    @Override
    public Solution solve(List<Message> messages, Policy policy) { return gated(() -> traced(messages, policy, Optional.empty())); }

    @Override
    public CompletableFuture<Solution> solveAsync(List<Message> messages, Policy policy) {
        requireOpen();
        List<Message> m = List.copyOf(messages);
        return CompletableFuture.supplyAsync(() -> traced(m, policy, Optional.empty()), workers);
    }

    @Override
    public CompletableFuture<Solution> stream(List<Message> messages, Policy policy, SolveListener listener) {
        requireOpen();
        List<Message> m = List.copyOf(messages);
        CompletableFuture<Solution> out = new CompletableFuture<>();
        workers.execute(() -> {
            Solution s;
            try {
                s = traced(m, policy, Optional.of(listener));
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
    public List<Solution> solveAll(List<String> questions, Policy policy) { return gated(() -> all(questions, policy)); }

    /** A synchronous solve: under the gate's shared lock, refused once the engine is closed. */
    private <T> T gated(Supplier<T> solve) {
        gate.readLock().lock();
        try {
            requireOpen();
            return solve.get();
        } finally {
            gate.readLock().unlock();
        }
    }

    private List<Solution> all(List<String> questions, Policy policy) {
        if (policy.strategy() instanceof StrategySpec.Batch b) return batch(questions, policy, b);
        boolean learns = false;
        if (policy.strategy() instanceof StrategySpec.PerQuestion q) {
            Strategy s = slot(c.resolveModel(policy), q).strategy();
            c.requireChecker(s, policy);
            learns = s.learnsAcrossQuestions();
        }
        List<Solution> out = new ArrayList<>(questions.size());
        if (learns || c.concurrency() == 1) {
            for (String q : questions) out.add(traced(List.of(Message.user(q)), policy, Optional.empty()));
            return out;
        }
        Semaphore permits = new Semaphore(c.concurrency());
        List<CompletableFuture<Solution>> futures = new ArrayList<>();
        for (String q : questions) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                permits.acquireUninterruptibly();
                try {
                    return traced(List.of(Message.user(q)), policy, Optional.empty());
                } finally {
                    permits.release();
                }
            }, workers));
        }
        for (CompletableFuture<Solution> f : futures) {
            try {
                out.add(f.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw e;
            }
        }
        return out;
    }

    @Override
    public Policy defaultPolicy() { return c.defaultPolicy(); }

    @Override
    public List<String> models() { return c.models(); }

    @Override
    public PriceCatalogue prices() { return c.prices(); }

    /** Waits for the solves in flight, then closes the clients the engine made; backends passed in stay the caller's. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) return;
        gate.writeLock().lock();   // the synchronous solves already under way end first; later ones see the engine closed
        try {
            // nothing to do while holding it: acquiring it was the wait
        } finally {
            gate.writeLock().unlock();
        }
        workers.close();
        RuntimeException failed = null;
        for (AutoCloseable owned : c.owned()) {
            try {
                owned.close();
            } catch (Exception e) {   // close the others first, then say what failed
                if (failed == null) failed = new IllegalStateException("closing the engine's backend failed: " + e.getMessage(), e);
                else failed.addSuppressed(e);
            }
        }
        if (failed != null) throw failed;
    }

    private String traceId() { return "ponder-" + sequence.incrementAndGet(); }

    private void requireOpen() {
        if (closed.get()) throw new IllegalStateException("this Ponder engine is closed");
    }

    private List<Solution> batch(List<String> questions, Policy policy, StrategySpec.Batch spec) {
        String model = c.resolveModel(policy);
        List<Prepared> prepared = questions.stream().map(q -> Prepared.of(c, List.of(Message.user(q)), policy, model, Optional.empty(), traceId())).toList();
        List<Result> results = spec.create(StrategyRegistry.DEFAULT_MAX).solve(prepared.stream().map(Prepared::session).toList());
        List<Solution> out = new ArrayList<>(questions.size());
        for (int i = 0; i < questions.size(); i++) out.add(prepared.get(i).solution(results.get(i)));
        return out;
    }

    /** One question, in a span of its own when the engine has telemetry. */
    private Solution traced(List<Message> messages, Policy policy, Optional<SolveListener> listener) {
        return spans.around(policy, () -> run(messages, policy, listener));
    }

    private Solution run(List<Message> messages, Policy asked, Optional<SolveListener> listener) {
        if (asked.strategy() instanceof StrategySpec.Batch) {
            throw PonderException.invalid("policy %s spends one budget across a batch: use solveAll(questions, policy)", asked);
        }
        if (messages.isEmpty()) throw PonderException.invalid("no messages to solve (policy %s)", asked);
        Policy policy = asked.strategy() instanceof StrategySpec.Auto
                ? route(GenerationRequest.of("-", messages, 1).lastUserMessage(), asked) : asked;
        if (!(policy.strategy() instanceof StrategySpec.PerQuestion spec)) {
            throw PonderException.invalid("policy %s: the router chose %s, which does not solve one question", asked, policy);
        }
        String model = c.resolveModel(policy);
        Slot slot = slot(model, spec);
        c.requireChecker(slot.strategy(), policy);
        Prepared prepared = Prepared.of(c, messages, policy, model, listener, traceId());
        if (slot.lock().isEmpty()) return prepared.solution(slot.strategy().solve(prepared.session()));
        slot.lock().get().lock();
        try {
            return prepared.solution(slot.strategy().solve(prepared.session()));
        } finally {
            slot.lock().get().unlock();
        }
    }

    private Slot slot(String model, StrategySpec.PerQuestion spec) {
        return slots.computeIfAbsent(new SlotKey(spec, model), k -> {
            Strategy s = spec.create();
            return new Slot(s, s.learnsAcrossQuestions() ? Optional.of(new ReentrantLock()) : Optional.empty());
        });
    }

    private Policy route(String question, Policy asked) {
        Router r = c.router().orElseThrow(() -> PonderException.invalid(
                "policy auto needs a router: build the engine with router(router, knob), or name a strategy such as vote@5"));
        Tier tier = r.choose(question, c.knob()).tier();
        return asked.withStrategyOf(Policy.parse(tier.name(), c.strategies()));
    }
}
