package dev.ponder.core.calibrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The calibrations {@code adaptive} uses when it is given none: computed on the development banks by
 * {@code scripts/calibrate-defaults} (see docs/strategies.md) and shipped as resources listed in
 * {@code defaults/index.txt}. A source is matched by model and answer kind, and by dataset where two calibrations share
 * both; anything else gets the pooled calibration ({@code pooled.json}), made on all the banks together.
 */
public final class Defaults {
    private static final String DIR = "defaults/";
    private static final String POOLED = "pooled.json";

    /** The calibration a source gets, the resource it came from, and whether it is the pooled fallback. */
    public record Resolved(Calibration calibration, String name, boolean pooled) {}

    private record Entry(String name, Calibration calibration) {}

    private static final class Holder {
        static final List<Entry> ENTRIES = load();
        static final Calibration POOLED_CALIBRATION = CalibrationFile.resource(DIR + POOLED);
    }

    private Defaults() {}

    public static Resolved lookup(String model, String answerKind, Optional<String> dataset) {
        List<Entry> same = Holder.ENTRIES.stream()
                .filter(e -> e.calibration().model().equals(model) && e.calibration().answerKind().equals(answerKind)).toList();
        if (dataset.isPresent()) {
            for (Entry e : same) {
                if (e.calibration().dataset().equals(dataset)) return new Resolved(e.calibration(), e.name(), false);
            }
        }
        if (same.size() == 1) return new Resolved(same.getFirst().calibration(), same.getFirst().name(), false);
        return new Resolved(Holder.POOLED_CALIBRATION, POOLED, true);
    }

    /** Every shipped calibration's resource name, the pooled one last. */
    public static List<String> names() {
        List<String> out = new ArrayList<>(Holder.ENTRIES.stream().map(Entry::name).toList());
        out.add(POOLED);
        return out;
    }

    private static List<Entry> load() {
        List<Entry> out = new ArrayList<>();
        try (InputStream in = Defaults.class.getResourceAsStream(DIR + "index.txt")) {
            if (in == null) throw new IllegalStateException("missing " + DIR + "index.txt");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#") || name.equals(POOLED)) continue;
                out.add(new Entry(name, CalibrationFile.resource(DIR + name)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped calibrations", e);
        }
        return List.copyOf(out);
    }
}
