package dev.ponder.lab.eval;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Problem;
import dev.ponder.core.strategy.BatchStrategy;
import dev.ponder.core.strategy.Result;
import dev.ponder.core.strategy.Session;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.ThinkRoute;
import dev.ponder.core.telemetry.Telemetry;
import dev.ponder.core.trace.Trace;
import dev.ponder.core.verify.Verifier;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Runs one strategy over a list of problems. Each problem gets its own session, budget and random stream derived
 * from the seed and the problem id, so results do not depend on scheduling. Problems run concurrently on virtual
 * threads, at most {@code concurrency} at once; outcomes come back in problem order. A strategy that learns
 * across questions is fed them one at a time, in order, so its runs are reproducible.
 */
public record Evaluation(String model, AnswerExtractor extractor, boolean useRecordedAnswers, Grader grader,
                         Budget budget, long seed, int concurrency, Function<Problem, List<Message>> prompt,
                         InstantSource clock, Optional<Verifier> checker, Sampling sampling) {

    public Evaluation {
        Objects.requireNonNull(checker, "checker");
        Objects.requireNonNull(sampling, "sampling");
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
    }

    /** Without a checker, sampling with the server's defaults. */
    public Evaluation(String model, AnswerExtractor extractor, boolean useRecordedAnswers, Grader grader, Budget budget,
                      long seed, int concurrency, Function<Problem, List<Message>> prompt, InstantSource clock) {
        this(model, extractor, useRecordedAnswers, grader, budget, seed, concurrency, prompt, clock, Optional.empty(), Sampling.DEFAULT);
    }

    public Evaluation withChecker(Verifier v) {
        return new Evaluation(model, extractor, useRecordedAnswers, grader, budget, seed, concurrency, prompt, clock, Optional.of(v), sampling);
    }

    public Evaluation withSampling(Sampling s) {
        return new Evaluation(model, extractor, useRecordedAnswers, grader, budget, seed, concurrency, prompt, clock, checker, s);
    }

    /** The request a problem's session starts from: its prompt, one sample, the sampling settings. */
    public GenerationRequest request(Problem p) {
        return new GenerationRequest(model, prompt.apply(p), 1, sampling.maxTokens(), Optional.of(p.id()), sampling.extra());
    }

    public static Function<Problem, List<Message>> questionOnly() { return p -> List.of(Message.user(p.question())); }

    public List<ProblemOutcome> run(Strategy strategy, Backend backend, List<Problem> problems) {
        return run(strategy, backend, problems, () -> { });
    }

    /** As {@link #run(Strategy, Backend, List)}, calling {@code finished} after each problem (a progress bar). */
    public List<ProblemOutcome> run(Strategy strategy, Backend backend, List<Problem> problems, Runnable finished) {
        List<ProblemOutcome> out = new ArrayList<>(problems.size());
        if (strategy.learnsAcrossQuestions() || concurrency == 1) {
            for (Problem p : problems) {
                out.add(one(strategy, backend, p));
                finished.run();
            }
            return out;
        }
        Semaphore slots = new Semaphore(concurrency);
        try (var pool = Telemetry.current().wrap(Executors.newVirtualThreadPerTaskExecutor())) {
            List<Future<ProblemOutcome>> futures = new ArrayList<>();
            for (Problem p : problems) {
                futures.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return one(strategy, backend, p);
                    } finally {
                        slots.release();
                        finished.run();
                    }
                }));
            }
            for (Future<ProblemOutcome> f : futures) out.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
        return out;
    }

    /** Runs a batch strategy over all problems at once (one session each, sharing the batch's budget). */
    public List<ProblemOutcome> runBatch(BatchStrategy strategy, Backend backend, List<Problem> problems) {
        List<Session> sessions = problems.stream().map(p -> session(backend, p)).toList();
        List<Result> results = strategy.solve(sessions);
        List<ProblemOutcome> out = new ArrayList<>(problems.size());
        for (int i = 0; i < problems.size(); i++) out.add(outcome(problems.get(i), results.get(i)));
        return out;
    }

    /** One problem; in a traced run, its own span under the run's ({@link ProblemSpans}). */
    public Result solve(Strategy strategy, Backend backend, Problem p) {
        return ProblemSpans.solve(strategy.name() + ":" + model, p, seed, () -> strategy.solve(session(backend, p)));
    }

    private Session session(Backend backend, Problem p) {
        return new Session(p, backend, request(p), new Meter(budget, clock), new Trace(p.id()), extractor,
                useRecordedAnswers, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + p.id().hashCode()), clock, checker);
    }

    private ProblemOutcome one(Strategy strategy, Backend backend, Problem p) {
        return outcome(p, solve(strategy, backend, p));
    }

    private ProblemOutcome outcome(Problem p, Result r) {
        var u = r.usage();
        return new ProblemOutcome(p.id(), r.answer(), !r.failed() && grader.correct(p, r), r.samples().size(), u.outputTokens(),
                u.reasoningTokens(), u.dollars(), r.stop(), r.failure(), ThinkRoute.ranIn(r.trace()));
    }
}
