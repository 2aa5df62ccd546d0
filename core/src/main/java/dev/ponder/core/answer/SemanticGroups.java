package dev.ponder.core.answer;

import dev.ponder.core.model.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Answers grouped by meaning with sentence embeddings. Each new text is compared with the first member (the leader)
 * of every group so far and joins the most similar leader whose cosine similarity reaches the threshold, else it starts
 * a group: the greedy clustering of semantic entropy (Kuhn, Gal and Farquhar 2023, "Semantic Uncertainty", where
 * bidirectional entailment decides; here cosine similarity of embeddings does). A group's label is its leader's text,
 * so labels never change as samples arrive and stopping rules can count them. The reply for a group is its medoid,
 * the member with the greatest total similarity to the others: the response most consistent with the rest, as
 * universal self-consistency asks for (Chen et al. 2023).
 */
final class SemanticGroups implements Grouping {
    private final Embedder embedder;
    private final double threshold;
    private final Map<String, float[]> vectors = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final List<String> leaders = new ArrayList<>();
    private final boolean oneQuestion;

    SemanticGroups(Embedder embedder, double threshold) { this(embedder, threshold, false); }

    private SemanticGroups(Embedder embedder, double threshold, boolean oneQuestion) {
        this.oneQuestion = oneQuestion;
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("semantic similarity threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
    }

    @Override
    public String label() { return "semantic"; }

    @Override
    public Grouping forQuestion() { return oneQuestion ? this : new SemanticGroups(embedder, threshold, true); }

    @Override
    public boolean judged() { return false; }

    double threshold() { return threshold; }

    @Override
    public synchronized String extract(String text) {
        String t = Grouping.normalise(text);
        if (t.isEmpty()) return "";
        String known = labels.get(t);
        if (known != null) return known;
        embedMissing(List.of(t));
        float[] v = vectors.get(t);
        String label = t;
        double best = Double.NEGATIVE_INFINITY;
        for (String leader : leaders) {
            double s = dot(v, vectors.get(leader));
            if (s >= threshold && s > best) {
                best = s;
                label = leader;
            }
        }
        if (label.equals(t)) leaders.add(t);
        labels.put(t, label);
        return label;
    }

    @Override
    public synchronized Sample representative(List<Sample> voters) {
        if (voters.isEmpty()) throw new IllegalArgumentException("no voters to choose a representative from");
        List<String> texts = voters.stream().map(s -> Grouping.normalise(s.text())).toList();
        embedMissing(texts);
        int best = 0;
        double bestTotal = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < texts.size(); i++) {
            double total = 0;
            for (int j = 0; j < texts.size(); j++) {
                if (i != j) total += dot(vectors.get(texts.get(i)), vectors.get(texts.get(j)));
            }
            if (total > bestTotal) {
                bestTotal = total;
                best = i;
            }
        }
        return voters.get(best);
    }

    private void embedMissing(List<String> texts) {
        List<String> todo = new ArrayList<>(new LinkedHashSet<>(texts.stream().filter(t -> !vectors.containsKey(t)).toList()));
        if (todo.isEmpty()) return;
        List<float[]> got = embedder.embed(todo);
        if (got.size() != todo.size()) {
            throw new IllegalStateException("embedder returned " + got.size() + " vectors for " + todo.size() + " texts");
        }
        for (int i = 0; i < todo.size(); i++) vectors.put(todo.get(i), unit(got.get(i)));
    }

    private static float[] unit(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        double n = Math.sqrt(s);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = n > 0 ? (float) (v[i] / n) : 0f;
        return out;
    }

    private static double dot(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalStateException("embedder gave vectors of " + a.length + " and " + b.length + " dimensions");
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }
}
