package dev.ponder.server.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ponder.core.json.BadField;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Calibration of {@code adaptive} on live traffic (docs/proxy.md#live-calibration): {@code share} of the {@code adaptive}
 * requests also draw the full budget after their answer has gone out, and each served model's stopping rule is
 * refitted with Learn then Test on its most recent {@code window} such questions, every {@code refitEvery} of them once
 * {@code minQuestions} are in, at
 * {@code epsilon} and {@code delta} ({@code risk} disagreement: live traffic has no reference answers); {@code orders}
 * and {@code seed} as {@code ponder calibrate} takes them. {@code fullBudget} is the samples a calibration question
 * draws (absent: the starting calibration's). {@code store} is a folder where each model's questions and current
 * calibration are kept across restarts; {@code files} starts a model from a calibration file instead of the shipped
 * default (and, with share 0, is all this section does).
 */
public record CalibrationConfig(double share, double epsilon, double delta, int minQuestions, int refitEvery, int window, int orders, long seed,
                                OptionalInt fullBudget, Optional<Path> store, Map<String, Path> files) {
    public CalibrationConfig {
        if (!(share >= 0 && share <= 1)) throw new IllegalArgumentException("calibration share must be in [0, 1], was " + share);
        if (!(epsilon > 0 && epsilon < 1)) throw new IllegalArgumentException("calibration epsilon must be in (0, 1), was " + epsilon);
        if (!(delta > 0 && delta < 1)) throw new IllegalArgumentException("calibration delta must be in (0, 1), was " + delta);
        if (minQuestions < 1 || refitEvery < 1 || orders < 1) throw new IllegalArgumentException("calibration counts must be >= 1");
        if (window < minQuestions) throw new IllegalArgumentException("calibration window (" + window + ") must be >= min_questions (" + minQuestions + ")");
        Objects.requireNonNull(fullBudget, "fullBudget");
        Objects.requireNonNull(store, "store");
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** Live calibration of a share of the traffic, with {@code ponder calibrate}'s defaults for the rest. */
    public static CalibrationConfig live(double share) {
        return new CalibrationConfig(share, 0.005, 0.1, 100, 25, 1000, 20, 0, OptionalInt.empty(), Optional.empty(), Map.of());
    }

    /** Whether any request draws the full budget for calibration. */
    public boolean live() { return share > 0; }

    /** As the config file writes it; paths stay relative to the file's folder until the reader resolves them. */
    @JsonCreator
    static CalibrationConfig read(@JsonProperty("share") Double share, @JsonProperty("epsilon") Double epsilon,
                                  @JsonProperty("delta") Double delta, @JsonProperty("risk") String risk,
                                  @JsonProperty("min_questions") Long minQuestions, @JsonProperty("refit_every") Long refitEvery,
                                  @JsonProperty("window") Long window,
                                  @JsonProperty("orders") Long orders, @JsonProperty("seed") Long seed,
                                  @JsonProperty("full_budget") Long fullBudget, @JsonProperty("store") String store,
                                  @JsonProperty("files") Map<String, String> files) {
        if (risk != null && !risk.strip().equalsIgnoreCase("disagreement")) {
            throw new BadField("risk", "must be disagreement (live traffic has no reference answers, which accuracy needs), was \"" + risk + "\"");
        }
        Map<String, Path> paths = new LinkedHashMap<>();
        if (files != null) files.forEach((model, file) -> paths.put(model, Path.of(Checks.required("files." + model, file, "must be a calibration file"))));
        long budget = Checks.whole("full_budget", fullBudget, 1, 1_000_000, 0);
        int min = (int) Checks.whole("min_questions", minQuestions, 1, 1_000_000, 100);
        int kept = (int) Checks.whole("window", window, 1, 1_000_000, Math.max(1000, min));
        if (kept < min) throw new BadField("window", "must be at least min_questions (" + min + "), was " + kept);
        return new CalibrationConfig(fraction("share", share, 0, true), fraction("epsilon", epsilon, 0.005, false),
                fraction("delta", delta, 0.1, false), min, (int) Checks.whole("refit_every", refitEvery, 1, 1_000_000, 25), kept,
                (int) Checks.whole("orders", orders, 1, 1000, 20),
                Checks.whole("seed", seed, Long.MIN_VALUE, Long.MAX_VALUE, 0), budget == 0 ? OptionalInt.empty() : OptionalInt.of((int) budget),
                Optional.ofNullable(store).map(Path::of), paths);
    }

    /** The same section with its paths resolved against the config file's folder. */
    CalibrationConfig resolvedIn(Path dir) {
        Map<String, Path> resolved = new LinkedHashMap<>();
        files.forEach((m, f) -> resolved.put(m, dir.resolve(f)));
        return new CalibrationConfig(share, epsilon, delta, minQuestions, refitEvery, window, orders, seed, fullBudget, store.map(dir::resolve),
                resolved);
    }

    /** A share in [0, 1] (closed) or a level in (0, 1) (open). */
    private static double fraction(String field, Double v, double otherwise, boolean closed) {
        if (v == null) return otherwise;
        boolean ok = closed ? v >= 0 && v <= 1 : v > 0 && v < 1;
        if (!ok) throw new BadField(field, "must be a number in " + (closed ? "[0, 1]" : "(0, 1)") + ", was " + v);
        return v;
    }
}
