package dev.ponder.core;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.calibrate.Calibration;
import dev.ponder.core.calibrate.CalibrationFile;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.core.strategy.StrategySpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to spend compute on one question: a strategy, the model it runs on, a budget, and how answers are read.
 * Policies are immutable values, written as the proxy's model names or built with typed factories and withers:
 * <pre>{@code
 * Policy.parse("vote@8");                        // self-consistency over 8 samples, engine's default model
 * Policy.parse("vote@8:gpt-4o-mini");            // STRATEGY:MODEL
 * Policy.adaptive().withMaxSamples(16).withBudgetDollars(0.05);
 * Policy.adaptive(Path.of("cal.json"));          // a calibration from ponder calibrate; also "adaptive:cal.json:MODEL"
 * Policy.adaptive(calibration);                  // one made in code (Calibrator)
 * Policy.vote(5).withAnswer("number");           // GSM8K-style final numbers
 * Policy.optimal(3);                             // a batch: 3 samples per question on average, where they help
 * }</pre>
 * The strategy is parsed once, into a {@link StrategySpec}: one parsed by your own registry keeps the strategy that
 * registry made. Every factory and wither goes through one constructor, which validates and throws
 * {@link PonderException} ({@code INVALID_INPUT}) naming the bad value.
 */
public final class Policy {

    /** The strategy that hands the choice of strategy and model to the engine's router. */
    public static final StrategySpec.Auto AUTO = new StrategySpec.Auto();

    private final StrategySpec strategy;
    private final Optional<String> model;
    private final Budget budget;
    private final Optional<String> answer;
    private final Optional<Integer> maxTokens;

    private Policy(StrategySpec strategy, Optional<String> model, Budget budget, Optional<String> answer, Optional<Integer> maxTokens) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.model = Objects.requireNonNull(model, "model");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.answer = Objects.requireNonNull(answer, "answer");
        this.maxTokens = Objects.requireNonNull(maxTokens, "maxTokens");
        String s = strategy.written();
        model.ifPresent(m -> {
            if (m.isBlank()) throw PonderException.invalid("policy %s: model name is blank", s);
        });
        answer.ifPresent(a -> {
            if (!AnswerExtractor.NAMES.contains(a))
                throw PonderException.invalid("policy %s: unknown answer extractor \"%s\"; known: %s", s, a, AnswerExtractor.NAMES);
        });
        maxTokens.ifPresent(t -> {
            if (t < 1) throw PonderException.invalid("policy %s: max tokens per sample must be >= 1, was %d", s, t);
        });
        budget.maxDollars().ifPresent(d -> checkDollars(s, d));
        budget.maxTokens().ifPresent(t -> checkTokens(s, t));
        budget.deadline().ifPresent(d -> checkDeadline(s, d));
    }

    /** {@code spec} on the engine's default model, with no budget. */
    public static Policy of(StrategySpec spec) { return new Policy(spec, Optional.empty(), Budget.UNLIMITED, Optional.empty(), Optional.empty()); }

    /** One sample. */
    public static Policy single() { return of(new StrategySpec.Single()); }

    /** Self-consistency: majority over {@code n} samples. */
    public static Policy vote(int n) {
        if (n < 1) throw PonderException.invalid("Policy.vote(n) needs n >= 1, was %d", n);
        return of(new StrategySpec.Vote(n));
    }

    /**
     * Voting that stops by the shipped calibrated rule for the model and answer kind (the pooled one for others), at
     * most its full budget (64 for the pooled one) unless {@link #withMaxSamples} says otherwise.
     */
    public static Policy adaptive() { return of(new StrategySpec.Adaptive(OptionalInt.empty(), StrategySpec.Shipped.ANY)); }

    /** {@code adaptive} with the calibration in {@code file} (written by {@code ponder calibrate}); errors name the file. */
    public static Policy adaptive(Path file) {
        Calibration c = CalibrationFile.read(Objects.requireNonNull(file, "file"));
        return of(new StrategySpec.Adaptive(OptionalInt.empty(), new StrategySpec.Given(c, file.toString())));
    }

    /** {@code adaptive} with a calibration made in code; the policy is written {@code adaptive:calibrated}. */
    public static Policy adaptive(Calibration calibration) {
        return of(new StrategySpec.Adaptive(OptionalInt.empty(), new StrategySpec.Given(Objects.requireNonNull(calibration, "calibration"), "calibrated")));
    }

    /**
     * Compute-optimal allocation across a batch (Snell et al. 2024): {@code samplesPerQuestion} on average, spent
     * where the votes are least settled; for {@link Ponder#solveAll} only.
     */
    public static Policy optimal(double samplesPerQuestion) {
        if (!(samplesPerQuestion >= 1) || Double.isInfinite(samplesPerQuestion))
            throw PonderException.invalid("Policy.optimal(s) needs 1 <= s < infinity samples per question, was %s", samplesPerQuestion);
        return of(new StrategySpec.Optimal(samplesPerQuestion));
    }

    /** Let the engine's router choose strategy and model (the engine needs {@link Ponder.Builder#router}). */
    public static Policy auto() { return of(AUTO); }

    /**
     * Reads {@code STRATEGY} or {@code STRATEGY:MODEL} (the proxy's model-name grammar), e.g. {@code vote@8:gpt-4o-mini}.
     * The strategy is read with the standard strategies; use {@link #parse(String, StrategyRegistry)} for your own.
     */
    public static Policy parse(String written) { return parse(written, StrategyRegistry.standard()); }

    /** Like {@link #parse(String)}, reading the strategy with {@code registry}. */
    public static Policy parse(String written, StrategyRegistry registry) {
        if (written == null || written.isBlank()) throw PonderException.invalid("policy is blank; write STRATEGY or STRATEGY:MODEL, e.g. vote@8:gpt-4o-mini");
        String s = written.strip();
        int colon = s.indexOf(':');
        int file = s.indexOf(".json", colon + 1);
        if (colon > 0 && file > colon && (file + 5 == s.length() || s.charAt(file + 5) == ':')) colon = file + 5 == s.length() ? -1 : file + 5;
        String strategy = colon < 0 ? s : s.substring(0, colon).strip();
        Optional<String> model = colon < 0 ? Optional.empty() : Optional.of(s.substring(colon + 1).strip());
        if (model.isPresent() && model.get().isEmpty())
            throw PonderException.invalid("policy \"%s\": nothing after ':'; write STRATEGY:MODEL, e.g. vote@8:gpt-4o-mini", written);
        StrategySpec spec = strategy.equals(AUTO.written()) ? AUTO : spec(strategy, registry, written);
        return new Policy(spec, model, Budget.UNLIMITED, Optional.empty(), Optional.empty());
    }

    private static StrategySpec spec(String text, StrategyRegistry registry, String written) {
        try {
            return StrategySpec.parse(text, registry);
        } catch (PonderException e) {
            String batch = e.getMessage().startsWith("unknown strategy") ? "; for a batch: optimal@S" : "";
            throw PonderException.invalid("policy \"%s\": %s%s", written, e.getMessage(), batch);
        }
    }

    /** The strategy, parsed: {@code strategy() instanceof StrategySpec.Batch} for {@code optimal@S}. */
    public StrategySpec strategy() { return strategy; }

    /** The model to run on (a name the engine has a backend for); empty means the engine's default. */
    public Optional<String> model() { return model; }

    /** Per-question limits in dollars, tokens and time, checked before every call. */
    public Budget budget() { return budget; }

    /** The answer extractor's name ({@link AnswerExtractor#NAMES}); empty means the engine's default. */
    public Optional<String> answer() { return answer; }

    /** The cap on output tokens per sample; empty means the backend's default. */
    public Optional<Integer> maxTokens() { return maxTokens; }

    /**
     * The most samples per question, for strategies written {@code NAME@N} or {@code NAME[@MAX]}
     * ({@code vote}, {@code best}, {@code wvote}, {@code adaptive}, and registered ones of those forms).
     */
    public Policy withMaxSamples(int n) {
        if (n < 1) throw PonderException.invalid("policy %s: maxSamples must be >= 1, was %d", strategy.written(), n);
        StrategySpec s;
        try {
            s = strategy.withMaxSamples(n);
        } catch (IllegalArgumentException e) {
            throw PonderException.invalid("policy %s: %s", strategy.written(), e.getMessage());
        }
        return new Policy(s, model, budget, answer, maxTokens);
    }

    /** Run on this model (a name the engine has a backend for). */
    public Policy withModel(String name) { return new Policy(strategy, Optional.of(Objects.requireNonNull(name, "model")), budget, answer, maxTokens); }

    /** The strategy and model of {@code other}, with this policy's budget, answer kind and token cap. */
    public Policy withStrategyOf(Policy other) { return new Policy(other.strategy, other.model, budget, answer, maxTokens); }

    /** At most this many dollars per question; the strategy stops drawing before a call could pass it. */
    public Policy withBudgetDollars(double max) {
        checkDollars(strategy.written(), max);
        return withBudget(budget.withDollars(max));
    }

    /** At most this many tokens (input + output) per question. */
    public Policy withBudgetTokens(long max) {
        checkTokens(strategy.written(), max);
        return withBudget(budget.withTokens(max));
    }

    /** Stop drawing once this much time has passed since the question started (measured on the engine's clock). */
    public Policy withDeadline(Duration d) {
        checkDeadline(strategy.written(), d);
        return withBudget(budget.withDeadline(d));
    }

    /**
     * Read answers with this extractor: {@code exact}, {@code number}, {@code boxed}, {@code choice} or {@code code};
     * or group free-form replies by meaning: {@code semantic} (embeddings; the engine needs {@link Ponder.Builder#semantic})
     * or {@code usc} (one more call asks the model for the most consistent reply).
     */
    public Policy withAnswer(String extractor) {
        return new Policy(strategy, model, budget, Optional.of(Objects.requireNonNull(extractor, "answer")), maxTokens);
    }

    /** Cap each sample's output tokens. */
    public Policy withMaxTokens(int max) { return new Policy(strategy, model, budget, answer, Optional.of(max)); }

    /** Replace the whole budget. */
    public Policy withBudget(Budget b) { return new Policy(strategy, model, b, answer, maxTokens); }

    /** The policy as the proxy writes it: {@code STRATEGY} or {@code STRATEGY:MODEL}. */
    public String written() { return model.map(m -> strategy.written() + ":" + m).orElse(strategy.written()); }

    @Override
    public String toString() { return written(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Policy p && strategy.equals(p.strategy) && model.equals(p.model) && budget.equals(p.budget)
                && answer.equals(p.answer) && maxTokens.equals(p.maxTokens);
    }

    @Override
    public int hashCode() { return Objects.hash(strategy, model, budget, answer, maxTokens); }

    private static void checkDollars(String strategy, double max) {
        if (!(max >= 0) || Double.isInfinite(max)) throw PonderException.invalid("policy %s: budgetDollars must be finite and >= 0, was %s", strategy, max);
    }

    private static void checkTokens(String strategy, long max) {
        if (max < 0) throw PonderException.invalid("policy %s: budgetTokens must be >= 0, was %d", strategy, max);
    }

    private static void checkDeadline(String strategy, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) throw PonderException.invalid("policy %s: deadline must be > 0, was %s", strategy, d);
    }
}
