package dev.ponder.core;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.calibrate.Calibration;
import dev.ponder.core.calibrate.CalibrationFile;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Budget;
import dev.ponder.core.strategy.BatchStrategy;
import dev.ponder.core.strategy.StrategyRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to spend compute on one question: a strategy, the model it runs on, a budget, and how answers are read.
 * Policies are immutable values, written as the proxy's model names or built with typed factories:
 * <pre>{@code
 * Policy.parse("vote@8");                        // self-consistency over 8 samples, engine's default model
 * Policy.parse("vote@8:gpt-4o-mini");            // STRATEGY:MODEL
 * Policy.adaptive().maxSamples(16).budgetDollars(0.05);
 * Policy.adaptive(Path.of("cal.json"));           // a calibration from ponder calibrate; also "adaptive:cal.json:MODEL"
 * Policy.adaptive(calibration);                  // one made in code (Calibrator)
 * Policy.vote(5).answer("number");              // GSM8K-style final numbers
 * Policy.optimal(3);                             // a batch: 3 samples per question on average, where they help
 * }</pre>
 * Every method validates its argument and throws {@link PonderException} ({@code INVALID_INPUT}) naming the bad value.
 *
 * @param strategy  canonical strategy spec, as {@link StrategyRegistry} reads it ({@code single}, {@code vote@8},
 *                  {@code adaptive@16}), a batch strategy ({@code optimal@3}), or {@code auto} to let the engine's
 *                  router choose
 * @param model     the model to run on (a name the engine has a backend for); empty means the engine's default
 * @param budget    per-question limits in dollars, tokens and time, checked before every call
 * @param answer    the answer extractor's name ({@link AnswerExtractor#NAMES}); empty means the engine's default
 * @param maxTokens cap on output tokens per sample; empty means the backend's default
 * @param calibration for {@code adaptive}: the calibration it runs (read from the file a spec names, or given in
 *                    code); empty means the spec alone says, and {@code adaptive} uses the shipped default
 */
public record Policy(String strategy, Optional<String> model, Budget budget, Optional<String> answer, Optional<Integer> maxTokens,
                     Optional<Calibration> calibration) {

    /** The strategy name that hands the choice of strategy and model to the engine's router. */
    public static final String AUTO = "auto";
    private static final String OPTIMAL = "optimal@";

    public Policy {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(maxTokens, "maxTokens");
        Objects.requireNonNull(calibration, "calibration");
        model.ifPresent(m -> {
            if (m.isBlank()) throw PonderException.invalid("policy %s: model name is blank", strategy);
        });
        answer.ifPresent(a -> {
            if (!AnswerExtractor.NAMES.contains(a))
                throw PonderException.invalid("policy %s: unknown answer extractor \"%s\"; known: %s", strategy, a, AnswerExtractor.NAMES);
        });
        maxTokens.ifPresent(t -> {
            if (t < 1) throw PonderException.invalid("policy %s: max tokens per sample must be >= 1, was %d", strategy, t);
        });
    }

    /** Without a calibration object (a calibration file named in the spec is still read when the strategy is built). */
    public Policy(String strategy, Optional<String> model, Budget budget, Optional<String> answer, Optional<Integer> maxTokens) {
        this(strategy, model, budget, answer, maxTokens, Optional.empty());
    }

    /** One sample. */
    public static Policy single() { return of("single"); }

    /** Self-consistency: majority over {@code n} samples. */
    public static Policy vote(int n) {
        if (n < 1) throw PonderException.invalid("Policy.vote(n) needs n >= 1, was %d", n);
        return of("vote@" + n);
    }

    /**
     * Voting that stops by the shipped calibrated rule for the model and answer kind (the pooled one for others), at
     * most its full budget (64 for the pooled one) unless {@link #maxSamples} says otherwise.
     */
    public static Policy adaptive() { return of("adaptive"); }

    /** {@code adaptive} with the calibration in {@code file} (written by {@code ponder calibrate}); errors name the file. */
    public static Policy adaptive(Path file) {
        Calibration c = CalibrationFile.read(Objects.requireNonNull(file, "file"));
        return new Policy("adaptive:" + file, Optional.empty(), Budget.UNLIMITED, Optional.empty(), Optional.empty(), Optional.of(c));
    }

    /** {@code adaptive} with a calibration made in code; the policy is written {@code adaptive:calibrated}. */
    public static Policy adaptive(Calibration calibration) {
        Objects.requireNonNull(calibration, "calibration");
        return new Policy("adaptive:calibrated", Optional.empty(), Budget.UNLIMITED, Optional.empty(), Optional.empty(), Optional.of(calibration));
    }

    /**
     * Compute-optimal allocation across a batch (Snell et al. 2024): {@code samplesPerQuestion} on average, spent
     * where the votes are least settled; for {@link Ponder#solveAll} only.
     */
    public static Policy optimal(double samplesPerQuestion) {
        if (!(samplesPerQuestion >= 1) || Double.isInfinite(samplesPerQuestion))
            throw PonderException.invalid("Policy.optimal(s) needs 1 <= s < infinity samples per question, was %s", samplesPerQuestion);
        return of(OPTIMAL + samplesPerQuestion);
    }

    /** True for strategies that spend one budget across a batch ({@code optimal@S}): solve them with {@link Ponder#solveAll}. */
    public boolean batch() { return strategy.startsWith(OPTIMAL); }

    /** Let the engine's router choose strategy and model (the engine needs {@link Ponder.Builder#router}). */
    public static Policy auto() { return new Policy(AUTO, Optional.empty(), Budget.UNLIMITED, Optional.empty(), Optional.empty()); }

    /**
     * Reads {@code STRATEGY} or {@code STRATEGY:MODEL} (the proxy's model-name grammar), e.g. {@code vote@8:gpt-4o-mini}.
     * The strategy is checked against the standard strategies; use {@link #parse(String, StrategyRegistry)} for your own.
     */
    public static Policy parse(String written) { return parse(written, StrategyRegistry.standard()); }

    /** Like {@link #parse(String)}, checking the strategy against {@code registry}. */
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
        String canonical = strategy.equals(AUTO) ? AUTO : canonical(strategy, registry, written);
        return new Policy(canonical, model, Budget.UNLIMITED, Optional.empty(), Optional.empty());
    }

    private static Policy of(String spec) {
        return new Policy(canonical(spec, StrategyRegistry.standard(), spec), Optional.empty(), Budget.UNLIMITED, Optional.empty(), Optional.empty());
    }

    private static String canonical(String spec, StrategyRegistry registry, String written) {
        try {
            if (spec.startsWith(OPTIMAL)) return BatchStrategy.parse(spec, StrategyRegistry.DEFAULT_MAX).name();
            return registry.parse(spec).name();
        } catch (PonderException e) {
            String batch = e.getMessage().startsWith("unknown strategy") ? "; for a batch: optimal@S" : "";
            throw PonderException.invalid("policy \"%s\": %s%s", written, e.getMessage(), batch);
        }
    }

    /**
     * The most samples per question, for strategies written {@code NAME@N} or {@code NAME[@MAX]}
     * ({@code vote}, {@code best}, {@code wvote}, {@code adaptive}).
     */
    public Policy maxSamples(int n) {
        if (n < 1) throw PonderException.invalid("policy %s: maxSamples must be >= 1, was %d", strategy, n);
        if (calibration.isPresent() || strategy.contains(":")) {
            throw PonderException.invalid("policy %s: maxSamples(%d) does not apply to a calibrated adaptive (its budget is the calibration's)", strategy, n);
        }
        String name = strategy.contains("@") ? strategy.substring(0, strategy.indexOf('@')) : strategy;
        StrategyRegistry.Entry e = StrategyRegistry.standard().entries().get(name);
        if (e == null || !(e.form().endsWith("@N") || e.form().contains("[@MAX]"))) {
            throw PonderException.invalid("policy %s: maxSamples(%d) does not apply to %s (its form is %s)", strategy, n, name,
                    e != null ? e.form() : batch() ? "optimal@S, S samples per question on average" : name);
        }
        return new Policy(canonical(name + "@" + n, StrategyRegistry.standard(), name + "@" + n), model, budget, answer, maxTokens);
    }

    /** Run on this model (a name the engine has a backend for). */
    public Policy model(String name) { return new Policy(strategy, Optional.of(Objects.requireNonNull(name, "model")), budget, answer, maxTokens, calibration); }

    /** At most this many dollars per question; the strategy stops drawing before a call could pass it. */
    public Policy budgetDollars(double max) {
        if (!(max >= 0) || Double.isInfinite(max)) throw PonderException.invalid("policy %s: budgetDollars must be finite and >= 0, was %s", strategy, max);
        return withBudget(budget.withDollars(max));
    }

    /** At most this many tokens (input + output) per question. */
    public Policy budgetTokens(long max) {
        if (max < 0) throw PonderException.invalid("policy %s: budgetTokens must be >= 0, was %d", strategy, max);
        return withBudget(budget.withTokens(max));
    }

    /** Stop drawing once this much time has passed since the question started (measured on the engine's clock). */
    public Policy deadline(Duration d) {
        if (d == null || d.isNegative() || d.isZero()) throw PonderException.invalid("policy %s: deadline must be > 0, was %s", strategy, d);
        return withBudget(budget.withDeadline(d));
    }

    /**
     * Read answers with this extractor: {@code exact}, {@code number}, {@code boxed}, {@code choice} or {@code code};
     * or group free-form replies by meaning: {@code semantic} (embeddings; the engine needs {@link Ponder.Builder#semantic})
     * or {@code usc} (one more call asks the model for the most consistent reply).
     */
    public Policy answer(String extractor) {
        return new Policy(strategy, model, budget, Optional.of(Objects.requireNonNull(extractor, "answer")), maxTokens, calibration);
    }

    /** Cap each sample's output tokens. */
    public Policy maxTokens(int max) { return new Policy(strategy, model, budget, answer, Optional.of(max), calibration); }

    /** Replace the whole budget. */
    public Policy withBudget(Budget b) { return new Policy(strategy, model, Objects.requireNonNull(b, "budget"), answer, maxTokens, calibration); }

    /** The policy as the proxy writes it: {@code STRATEGY} or {@code STRATEGY:MODEL}. */
    public String written() { return model.map(m -> strategy + ":" + m).orElse(strategy); }

    @Override
    public String toString() { return written(); }
}
