package dev.ponder.lab.bench;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.model.ModelFamily;
import dev.ponder.core.model.Problem;
import dev.ponder.core.strategy.Result;
import dev.ponder.core.strategy.Strategy;
import dev.ponder.core.strategy.ThinkRoute;
import dev.ponder.lab.bench.ThinkingReport.Arm;
import dev.ponder.lab.bench.ThinkingReport.Hold;
import dev.ponder.lab.bench.ThinkingReport.Match;
import dev.ponder.lab.eval.Evaluation;
import dev.ponder.stats.bootstrap.Bootstrap;
import dev.ponder.stats.bootstrap.Estimate;
import dev.ponder.stats.interval.Interval;
import dev.ponder.stats.interval.Wilson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntPredicate;
import java.util.function.ToDoubleFunction;

/**
 * Sequential against parallel test-time compute at equal tokens, on a live backend: the natural chain ({@code single})
 * gives the output tokens of one sample; for each budget T, {@code think@T} (one budget-forced chain) runs beside
 * {@code vote@N} with N = think@T's output tokens / one sample's (at least 1), on the same problems. Output tokens are
 * matched (the prompt that continuation calls re-send is left out: servers with prefix caching do not recompute it).
 */
public record ThinkingBench(Evaluation eval, int maxWaits, Optional<ModelFamily> family, ThinkRoute route, int resamples) {
    private static final List<String> DOMAIN_FIELDS = List.of("domain", "subject", "type", "category");

    public ThinkingBench {
        if (resamples < 1) throw new IllegalArgumentException("bootstrap resamples must be >= 1, was " + resamples);
    }

    public ThinkingReport run(Backend backend, List<Problem> problems, List<Integer> budgets) {
        if (problems.isEmpty()) throw new IllegalArgumentException("the thinking bench needs at least one problem");
        List<Result> natural = results(Strategy.single(), backend, problems);
        Arm nat = arm("single", problems, natural);
        double perSample = Math.max(1, nat.outputTokens());
        Map<Integer, List<Result>> votes = new HashMap<>();
        votes.put(1, natural);
        List<Hold> holds = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        Map<Integer, List<Result>> thinks = new LinkedHashMap<>();
        for (int t : budgets) {
            List<Result> think = results(Strategy.think(t, maxWaits, family, route), backend, problems);
            thinks.put(t, think);
            holds.add(hold(t, think));
            int n = (int) Math.max(1, Math.round(mean(think, r -> r.usage().outputTokens()) / perSample));
            votes.computeIfAbsent(n, k -> results(Strategy.vote(k), backend, problems));
            pairs.add(new int[] {t, n});
        }
        List<Match> all = matches(problems, pairs, thinks, votes, i -> true);
        Map<String, List<Integer>> byDomain = new LinkedHashMap<>();
        for (int i = 0; i < problems.size(); i++) byDomain.computeIfAbsent(domain(problems.get(i)), k -> new ArrayList<>()).add(i);
        List<ThinkingReport.Domain> domains = new ArrayList<>();
        if (byDomain.size() > 1) {
            byDomain.forEach((d, idx) -> domains.add(new ThinkingReport.Domain(d, idx.size(),
                    matches(problems, pairs, thinks, votes, idx::contains))));
        }
        return new ThinkingReport(problems.size(), eval.model(), nat, holds, all, domains);
    }

    private List<Match> matches(List<Problem> problems, List<int[]> pairs, Map<Integer, List<Result>> thinks,
                                Map<Integer, List<Result>> votes, IntPredicate keep) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) if (keep.test(i)) idx.add(i);
        List<Problem> ps = idx.stream().map(problems::get).toList();
        List<Match> out = new ArrayList<>();
        for (int[] p : pairs) {
            List<Result> think = idx.stream().map(thinks.get(p[0])::get).toList();
            List<Result> vote = idx.stream().map(votes.get(p[1])::get).toList();
            Arm a = arm("think@" + p[0], ps, think);
            Arm b = arm("vote@" + p[1], ps, vote);
            Estimate d = Bootstrap.pairedDifference(correct(ps, think), correct(ps, vote), resamples, 0.95,
                    new SplittableRandom(eval.seed() + p[0]));
            String winner = d.low() > 0 ? a.strategy() : d.high() < 0 ? b.strategy() : "neither (within noise)";
            double ratio = b.outputTokens() / Math.max(1, a.outputTokens());
            out.add(new Match(p[0], a, b, ratio, d.value(), d.low(), d.high(), winner));
        }
        return out;
    }

    private Arm arm(String name, List<Problem> ps, List<Result> rs) {
        double[] c = correct(ps, rs);
        double right = 0;
        for (double x : c) right += x;
        Interval ci = Wilson.interval95(right, ps.size());
        return new Arm(name, right / ps.size(), ci.low(), ci.high(), mean(rs, r -> r.usage().outputTokens()),
                mean(rs, r -> r.usage().reasoningTokens()), mean(rs, r -> r.usage().dollars()));
    }

    private static Hold hold(int t, List<Result> rs) {
        long min = Long.MAX_VALUE;
        long max = 0;
        int within = 0;
        for (Result r : rs) {
            long k = r.usage().reasoningTokens();
            min = Math.min(min, k);
            max = Math.max(max, k);
            if (Math.abs(k - t) <= 0.1 * t) within++;
        }
        double calls = mean(rs, r -> r.trace().calls().stream().filter(c -> c.purpose().equals("think")).count());
        return new Hold(t, mean(rs, r -> r.usage().reasoningTokens()), min, max, (double) within / rs.size(),
                Math.max(0, calls - 1), mean(rs, r -> r.trace().calls().size()));
    }

    private double[] correct(List<Problem> ps, List<Result> rs) {
        double[] c = new double[ps.size()];
        for (int i = 0; i < c.length; i++) c[i] = eval.grader().correct(ps.get(i), rs.get(i)) ? 1 : 0;
        return c;
    }

    private static double mean(List<Result> rs, ToDoubleFunction<Result> f) {
        return rs.stream().mapToDouble(f).average().orElse(0);
    }

    static String domain(Problem p) {
        for (String f : DOMAIN_FIELDS) {
            Object v = p.extra().get(f);
            if (v != null && !String.valueOf(v).isBlank()) return String.valueOf(v);
        }
        return "all";
    }

    /** Each problem's result, in order; at most the evaluation's concurrency in flight. */
    private List<Result> results(Strategy s, Backend backend, List<Problem> problems) {
        Semaphore slots = new Semaphore(eval.concurrency());
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Result>> fs = new ArrayList<>();
            for (Problem p : problems) {
                fs.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return eval.solve(s, backend, p);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<Result> out = new ArrayList<>();
            for (Future<Result> f : fs) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("thinking bench interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }
}
