package dev.ponder.core.strategy;

import dev.ponder.core.calibrate.CalibrationFile;
import dev.ponder.core.error.PonderException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strategies by name, in one place: written specs are read here, once, into a {@link StrategySpec}. A spec is
 * {@code NAME} or {@code NAME@PARAM} (for example {@code single}, {@code vote@8}); the proxy's model names ({@code vote@8:gpt-4o-mini}) put the model after a colon. The one
 * exception is a calibration file, {@code adaptive:FILE.json}: a colon followed by a path ending in {@code .json}
 * belongs to the strategy (a model is never named so), and the model, if any, follows after another colon.
 * New strategies register a factory from the parameter text (empty when absent) to a strategy.
 */
public final class StrategyRegistry {
    private static final Pattern SPEC = Pattern.compile("([a-z][a-z0-9_-]*)(?:@([^:]+))?(?::(.+\\.json))?");
    private static final Pattern THINK = Pattern.compile("(\\d{1,9})(?:w(\\d{1,3}))?");

    /** The most samples the stopping-rule strategies draw unless told otherwise. */
    public static final int DEFAULT_MAX = 64;

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** How a strategy is written, e.g. {@code vote@N}, and how its parameter text (empty when absent) becomes a spec. */
    public record Entry(String name, String form, String description, Function<String, ? extends StrategySpec.PerQuestion> parser) {}

    /** The standard forms by name (what {@link StrategySpec#form} reports). */
    private static final Map<String, Entry> STANDARD = Map.copyOf(standard().entries);

    public static StrategyRegistry standard() { return forDataset(Optional.empty()); }

    /**
     * The standard strategies for a run that knows its source's name (a bank's): {@code adaptive} then prefers the
     * shipped calibration made on that dataset where two share a model and answer kind.
     */
    public static StrategyRegistry forDataset(Optional<String> dataset) {
        StrategySpec.Shipped shipped = new StrategySpec.Shipped(dataset);
        return new StrategyRegistry()
                .add("single", "single", "one sample", p -> {
                    if (!p.isEmpty()) throw new IllegalArgumentException("single takes no parameter");
                    return new StrategySpec.Single();
                })
                .add("vote", "vote@N", "majority over N samples (self-consistency)", p -> new StrategySpec.Vote(positive("vote", p)))
                .add("think", "think@T[wW]", "one chain held to about T thinking tokens by budget forcing: end at T, extend an early stop with"
                        + " \"Wait\" up to W (default 2) times (s1)", StrategyRegistry::think)
                .add("best", "best@N", "best of N by the samples' scores (reward model or verifier)", p -> new StrategySpec.Best(positive("best", p)))
                .add("wvote", "wvote@N", "vote over N weighted by the samples' scores", p -> new StrategySpec.WeightedVote(positive("wvote", p)))
                .add("verify", "verify@K", "resample until the checker accepts, at most K samples; abstains otherwise",
                        p -> new StrategySpec.Verify(positive("verify", p)))
                .add("refine", "refine@R", "draft, feedback (checker or self-critique), revise, R rounds (Self-Refine)",
                        p -> new StrategySpec.Refine(positive("refine", p)))
                .add("cascade", "cascade[@V]", "cheapest tier first (models a>b>c), escalate unless V votes (default 3) agree or the checker"
                        + " accepts", p -> new StrategySpec.Cascade(p.isEmpty() ? StrategySpec.Cascade.DEFAULT_VOTES : positive("cascade", p)))
                .add("adaptive", "adaptive[@MAX] or adaptive:FILE.json",
                        "vote (weighted by scores or confidences when samples carry them) until a calibrated stopping rule is satisfied:"
                                + " the calibration FILE.json, else the shipped default for the model and answer kind; at most MAX samples"
                                + " (default: the calibration's full budget)",
                        p -> new StrategySpec.Adaptive(p.isEmpty() ? OptionalInt.empty() : OptionalInt.of(positive("adaptive", p)), shipped))
                .add("esc", "esc@W", "early-stopping self-consistency with windows of W (Li et al. 2024), at most 64 samples",
                        p -> new StrategySpec.Esc(positive("esc", p)))
                .add("ac", "ac@T", "Adaptive-Consistency Beta rule at threshold T, e.g. ac@0.95 (Aggarwal et al. 2023), at most 64 samples",
                        p -> new StrategySpec.Ac(probability("ac", p)));
    }

    /**
     * Registers your own strategy: {@code factory} makes it from the parameter text (empty when absent) and throws
     * {@link IllegalArgumentException} for a bad one. A form ending {@code @N} (or holding {@code [@MAX]}) takes
     * {@code Policy.withMaxSamples}.
     */
    public StrategyRegistry register(String name, String form, String description, Function<String, Strategy> factory) {
        return add(name, form, description, p -> custom(name, form, factory, p));
    }

    private StrategyRegistry add(String name, String form, String description, Function<String, ? extends StrategySpec.PerQuestion> parser) {
        entries.put(name, new Entry(name, form, description, parser));
        return this;
    }

    public Map<String, Entry> entries() { return Collections.unmodifiableMap(entries); }

    /** An independent copy: a strategy registered on either afterwards does not reach the other. */
    public StrategyRegistry copy() {
        StrategyRegistry r = new StrategyRegistry();
        r.entries.putAll(entries);
        return r;
    }

    /** Parses a spec and makes its strategy, or throws INVALID_INPUT naming the bad spec and listing the known forms. */
    public Strategy parse(String spec) { return spec(spec).create(); }

    /** Parses a per-question spec, or throws INVALID_INPUT naming the bad spec and listing the known forms. */
    public StrategySpec.PerQuestion spec(String spec) {
        Matcher m = SPEC.matcher(spec.strip());
        Entry e = m.matches() ? entries.get(m.group(1)) : null;
        if (e == null) {
            throw PonderException.invalid("unknown strategy \"%s\"; known: %s", spec, String.join(", ", forms()));
        }
        if (m.group(3) != null) return calibrated(spec.strip(), m.group(1), m.group(2), m.group(3));
        try {
            return e.parser().apply(m.group(2) == null ? "" : m.group(2));
        } catch (IllegalArgumentException ex) {
            throw PonderException.invalid("bad strategy \"%s\": %s (form: %s)", spec, ex.getMessage(), e.form());
        }
    }

    /** {@code adaptive:FILE.json}: the calibration's rule at its full budget (a corrupt or missing file is an error naming it). */
    private static StrategySpec.Adaptive calibrated(String spec, String name, String param, String file) {
        if (!name.equals("adaptive")) throw PonderException.invalid("bad strategy \"%s\": only adaptive takes a calibration file", spec);
        if (param != null) {
            throw PonderException.invalid("bad strategy \"%s\": adaptive:FILE.json takes its budget from the calibration; drop @%s", spec, param);
        }
        return new StrategySpec.Adaptive(OptionalInt.empty(), new StrategySpec.Given(CalibrationFile.read(Path.of(file)), file));
    }

    /** The parameter of {@code think@T} or {@code think@TwW}. */
    private static StrategySpec.Think think(String p) {
        Matcher m = THINK.matcher(p.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("think needs a token budget and optionally the most Wait extensions, e.g. think@1024 or"
                    + " think@1024w4; was \"" + p + "\"");
        }
        return new StrategySpec.Think(Integer.parseInt(m.group(1)), m.group(2) == null ? StrategySpec.Think.DEFAULT_WAITS : Integer.parseInt(m.group(2)));
    }

    /** A registered strategy's spec: made once here, to check the parameter and learn the name the strategy gives itself. */
    static StrategySpec.Custom custom(String name, String form, Function<String, Strategy> factory, String parameter) {
        return new StrategySpec.Custom(name, form, factory, parameter, factory.apply(parameter).name());
    }

    /** The form of a standard strategy, by name. */
    static Optional<String> standardForm(String name) { return Optional.ofNullable(STANDARD.get(name)).map(Entry::form); }

    public List<String> forms() { return entries.values().stream().map(Entry::form).toList(); }

    /** A probability parameter in (0, 1). */
    public static double probability(String name, String p) {
        try {
            double v = Double.parseDouble(p);
            if (!(v > 0 && v < 1)) throw new IllegalArgumentException(name + "@T needs 0 < T < 1, was " + p);
            return v;
        } catch (NumberFormatException x) {
            throw new IllegalArgumentException(name + "@T needs a number such as 0.95, was \"" + p + "\"");
        }
    }

    /** A whole positive number parameter, or an error naming it. */
    public static int positive(String name, String p) {
        if (p.isEmpty()) throw new IllegalArgumentException(name + " needs a number, e.g. " + name + "@8");
        try {
            int n = Integer.parseInt(p);
            if (n < 1) throw new IllegalArgumentException(name + "@N needs N >= 1, was " + n);
            return n;
        } catch (NumberFormatException x) {
            throw new IllegalArgumentException(name + "@N needs a whole number, was \"" + p + "\"");
        }
    }
}
