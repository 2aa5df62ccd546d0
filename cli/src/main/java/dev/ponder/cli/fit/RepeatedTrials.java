package dev.ponder.cli.fit;

import dev.ponder.cli.io.CsvTable;
import dev.ponder.stats.estimate.PassAtK;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Repeated runs of the same queries (files {@code repeated_trials*.csv}: model, run, query_id, score): pass^k
 * reliability per model (tau-bench). A (model, run, query) seen twice keeps its first row; rows without a score
 * are not used and are counted.
 */
record RepeatedTrials(Map<String, Map<String, int[]>> counts, int unscored, int duplicates) {

    static RepeatedTrials read(Path dir) {
        Map<String, Map<String, int[]>> counts = new LinkedHashMap<>();
        int unscored = 0, dups = 0;
        if (!Files.isDirectory(dir)) return new RepeatedTrials(counts, 0, 0);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("repeated_trials.*\\.csv")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        Set<String> seen = new HashSet<>();
        for (Path f : files) {
            CsvTable t = CsvTable.read(f);
            int model = t.column("model"), run = t.column("run"), query = t.column("query_id"), score = t.column("score");
            for (CsvTable.Row r : t.rows()) {
                String key = t.text(r, model) + "\u0000" + t.text(r, run) + "\u0000" + t.text(r, query);
                if (!seen.add(key)) {
                    dups++;
                    continue;
                }
                if (t.text(r, score).isBlank()) {
                    unscored++;
                    continue;
                }
                int[] nc = counts.computeIfAbsent(t.text(r, model), m -> new LinkedHashMap<>())
                        .computeIfAbsent(f.getFileName() + ":" + t.text(r, query), q -> new int[2]);
                nc[0]++;
                if (t.number(r, score) >= 0.5) nc[1]++;
            }
        }
        return new RepeatedTrials(counts, unscored, dups);
    }

    /** pass^k for k = 1..(fewest runs of any query), mean over the model's queries; empty when none. */
    Map<Integer, Double> passHatK(String model) {
        Map<Integer, Double> out = new TreeMap<>();
        Map<String, int[]> q = counts.getOrDefault(model, Map.of());
        if (q.isEmpty()) return out;
        int kMax = q.values().stream().mapToInt(v -> v[0]).min().orElse(0);
        for (int k = 1; k <= kMax; k++) {
            double s = 0;
            for (int[] nc : q.values()) s += PassAtK.passHatK(nc[0], nc[1], k);
            out.put(k, s / q.size());
        }
        return out;
    }

    int queries(String model) { return counts.getOrDefault(model, Map.of()).size(); }
}
