package dev.ponder.core.strategy;

import dev.ponder.core.calibrate.Calibration;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.strategy.stop.StopRule;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * A strategy as written ({@code vote@8}, {@code adaptive:cal.json}, {@code optimal@3}), parsed once into a record per
 * form. A {@link PerQuestion} spec makes the {@link Strategy} it names; a {@link Batch} spec spends one budget across
 * a batch of questions; {@link Auto} leaves strategy and model to a router. Records check their parameters, and
 * {@link #written()} is the canonical text that reads back as the same spec ({@link StrategyRegistry#spec} for the
 * per-question forms, {@link #parse} for all but {@code auto}).
 */
public sealed interface StrategySpec permits StrategySpec.PerQuestion, StrategySpec.Batch, StrategySpec.Auto {

    /** The canonical text, e.g. {@code vote@8}, {@code cascade@3}, {@code think@1024w4}, {@code adaptive:cal.json}. */
    String written();

    /** The strategy's name: its written form up to {@code @} or {@code :} ({@code vote}, {@code adaptive}). */
    default String name() { return written().split("[@:]", 2)[0]; }

    /** How the form is written, as {@link StrategyRegistry} lists it, e.g. {@code vote@N}. */
    default String form() { return StrategyRegistry.standardForm(name()).orElse(name()); }

    /**
     * The same strategy with at most {@code n} samples per question, for the forms {@code NAME@N} and
     * {@code NAME[@MAX]}; an {@link IllegalArgumentException} saying why for the others.
     */
    default StrategySpec withMaxSamples(int n) { throw notApplicable(this, n); }

    /** Reads a per-question spec from {@code registry}, or the batch form {@code optimal@S}. */
    static StrategySpec parse(String text, StrategyRegistry registry) {
        return isBatch(text) ? Optimal.parse(text) : registry.spec(text);
    }

    /** True when {@code text} is written in a batch form ({@code optimal@S}), whether or not its parameter is good. */
    static boolean isBatch(String text) { return Optimal.isWritten(text); }

    /** A spec that makes one {@link Strategy} per question. */
    sealed interface PerQuestion extends StrategySpec
            permits Single, Vote, WeightedVote, Best, Verify, Refine, Cascade, Think, Adaptive, Esc, Ac, Custom {
        /** A fresh strategy (one that learns across questions keeps its state in the instance). */
        default Strategy create() { return Strategies.of(this); }
    }

    /** A spec that spends one budget across a batch of questions. */
    sealed interface Batch extends StrategySpec permits Optimal {
        BatchStrategy create(int maxPerQuestion);
    }

    /** One sample. */
    record Single() implements PerQuestion {
        @Override public String written() { return "single"; }
    }

    /** Self-consistency: majority over {@code n} samples. */
    record Vote(int n) implements PerQuestion {
        public Vote { atLeastOne("vote@N", n); }
        @Override public String written() { return "vote@" + n; }
        @Override public Vote withMaxSamples(int max) { return new Vote(max); }
    }

    /** Majority over {@code n} samples weighted by their scores ({@code wvote@N}). */
    record WeightedVote(int n) implements PerQuestion {
        public WeightedVote { atLeastOne("wvote@N", n); }
        @Override public String written() { return "wvote@" + n; }
        @Override public WeightedVote withMaxSamples(int max) { return new WeightedVote(max); }
    }

    /** The best of {@code n} samples by their scores. */
    record Best(int n) implements PerQuestion {
        public Best { atLeastOne("best@N", n); }
        @Override public String written() { return "best@" + n; }
        @Override public Best withMaxSamples(int max) { return new Best(max); }
    }

    /** Resample until the checker accepts, at most {@code k} samples. */
    record Verify(int k) implements PerQuestion {
        public Verify { atLeastOne("verify@K", k); }
        @Override public String written() { return "verify@" + k; }
    }

    /** Draft, feedback, revise: {@code rounds} rounds. */
    record Refine(int rounds) implements PerQuestion {
        public Refine { atLeastOne("refine@R", rounds); }
        @Override public String written() { return "refine@" + rounds; }
    }

    /** Cheapest tier first, escalating unless {@code votes} samples agree or the checker accepts. */
    record Cascade(int votes) implements PerQuestion {
        /** The votes per tier of {@code cascade} written without {@code @V}. */
        public static final int DEFAULT_VOTES = 3;

        public Cascade { atLeastOne("cascade@N", votes); }
        @Override public String written() { return "cascade@" + votes; }
    }

    /** Budget forcing: one chain held to about {@code tokens} thinking tokens, extended at most {@code maxWaits} times. */
    record Think(int tokens, int maxWaits) implements PerQuestion {
        public static final int DEFAULT_WAITS = 2;

        public Think {
            if (tokens < 16) throw new IllegalArgumentException("think@T needs T >= 16 thinking tokens, was " + tokens);
            if (maxWaits < 0) throw new IllegalArgumentException("max Wait extensions must be >= 0, was " + maxWaits);
        }
        @Override public String written() { return "think@" + tokens + (maxWaits == DEFAULT_WAITS ? "" : "w" + maxWaits); }
    }

    /**
     * Ponder's calibrated stopping rule: the calibration {@code tuning} names, at most {@code max} samples (when empty:
     * the calibration's full budget, or {@link StrategyRegistry#DEFAULT_MAX} for the pooled default). A given
     * calibration sets its own budget.
     */
    record Adaptive(OptionalInt max, Tuning tuning) implements PerQuestion {
        public Adaptive {
            Objects.requireNonNull(tuning, "tuning");
            max.ifPresent(m -> atLeastOne("adaptive@MAX", m));
            if (max.isPresent() && tuning instanceof Given g) {
                throw new IllegalArgumentException("adaptive:" + g.where() + " takes its budget from the calibration; drop @" + max.getAsInt());
            }
        }
        @Override public String written() {
            return switch (tuning) {
                case Given g -> "adaptive:" + g.where();
                case Shipped s -> max.isPresent() ? "adaptive@" + max.getAsInt() : "adaptive";
            };
        }
        @Override public Adaptive withMaxSamples(int n) {
            if (tuning instanceof Given) {
                throw new IllegalArgumentException("maxSamples(" + n + ") does not apply to a calibrated adaptive (its budget is the calibration's)");
            }
            return new Adaptive(OptionalInt.of(n), tuning);
        }
        /** The calibration given by the user, if any. */
        public Optional<Calibration> calibration() {
            return tuning instanceof Given g ? Optional.of(g.calibration()) : Optional.empty();
        }
    }

    /** Where {@code adaptive}'s calibration comes from. */
    sealed interface Tuning permits Given, Shipped {}

    /** A calibration given by the user (a file from {@code ponder calibrate}, or made in code); {@code where} names it. */
    record Given(Calibration calibration, String where) implements Tuning {
        public Given {
            Objects.requireNonNull(calibration, "calibration");
            Objects.requireNonNull(where, "where");
        }
    }

    /** The shipped defaults matched to the session's model and answer kind; {@code dataset} when the run knows its source. */
    record Shipped(Optional<String> dataset) implements Tuning {
        public static final Shipped ANY = new Shipped(Optional.empty());

        public Shipped { Objects.requireNonNull(dataset, "dataset"); }
    }

    /** Early-stopping self-consistency with windows of {@code window} samples. */
    record Esc(int window) implements PerQuestion {
        public Esc { StopRule.esc(window); }
        @Override public String written() { return "esc@" + window; }
    }

    /** The Adaptive-Consistency Beta rule at {@code threshold}. */
    record Ac(double threshold) implements PerQuestion {
        public Ac { StopRule.beta(threshold); }
        @Override public String written() { return "ac@" + BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString(); }
    }

    /**
     * A strategy registered with {@link StrategyRegistry#register}: its name and form, its factory, the parameter text
     * it was written with, and the name the strategy it makes gives itself.
     */
    record Custom(String name, String form, Function<String, Strategy> factory, String parameter, String written) implements PerQuestion {
        public Custom {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(form, "form");
            Objects.requireNonNull(factory, "factory");
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(written, "written");
        }
        @Override public Custom withMaxSamples(int n) {
            if (!(form.endsWith("@N") || form.contains("[@MAX]"))) throw notApplicable(this, n);
            return StrategyRegistry.custom(name, form, factory, String.valueOf(n));
        }
    }

    /** Compute-optimal allocation across a batch: {@code samplesPerQuestion} on average, spent where votes are split. */
    record Optimal(double samplesPerQuestion) implements Batch {
        private static final String PREFIX = "optimal@";

        public Optimal {
            if (!(samplesPerQuestion >= 1)) throw new IllegalArgumentException("optimal@S needs S >= 1, was " + samplesPerQuestion);
        }
        @Override public String written() {
            return samplesPerQuestion == Math.rint(samplesPerQuestion) ? PREFIX + (long) samplesPerQuestion : PREFIX + samplesPerQuestion;
        }
        @Override public String form() { return "optimal@S, S samples per question on average"; }
        @Override public BatchStrategy create(int maxPerQuestion) { return BatchStrategy.optimal(samplesPerQuestion, maxPerQuestion); }

        static boolean isWritten(String text) { return text.strip().startsWith(PREFIX); }

        /** Reads {@code optimal@S} (S may be fractional), or throws INVALID_INPUT naming the text. */
        public static Optimal parse(String text) {
            String s = text.strip();
            if (!isWritten(s)) {
                throw PonderException.invalid("unknown batch strategy \"%s\"; known: optimal@S (S samples per question on average)", text);
            }
            try {
                return new Optimal(Double.parseDouble(s.substring(PREFIX.length())));
            } catch (IllegalArgumentException e) {
                throw PonderException.invalid("bad batch strategy \"%s\": %s", text, e.getMessage());
            }
        }
    }

    /** The engine's router chooses strategy and model per question. */
    record Auto() implements StrategySpec {
        @Override public String written() { return "auto"; }
    }

    private static IllegalArgumentException notApplicable(StrategySpec spec, int n) {
        return new IllegalArgumentException("maxSamples(" + n + ") does not apply to " + spec.name() + " (its form is " + spec.form() + ")");
    }

    private static void atLeastOne(String form, int n) {
        if (n < 1) throw new IllegalArgumentException(form + " needs " + form.substring(form.indexOf('@') + 1) + " >= 1, was " + n);
    }
}
