package dev.ponder.lab.route;

import dev.ponder.core.route.QueryText;
import dev.ponder.lab.semantic.MiniLm;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Sentence embeddings of the focused query text ({@link QueryText#focus}) from the quantised all-MiniLM-L6-v2
 * model that ships inside the langchain4j jar (Reimers and Gurevych 2019; nothing is downloaded at run time).
 * Vectors are L2-normalised and memoised per text; {@link EmbeddingCache} persists them next to a model file.
 */
final class Embeddings {
    static final String MODEL = MiniLm.MODEL;
    private final Map<String, float[]> memo = new ConcurrentHashMap<>();
    private final Function<List<String>, List<float[]>> backend;
    private final AtomicLong embedNanos = new AtomicLong();
    private final AtomicInteger embedded = new AtomicInteger();

    private Embeddings(Function<List<String>, List<float[]>> backend) {
        this.backend = backend;
    }

    /** The bundled MiniLM model, loaded on first use. */
    static Embeddings miniLm() {
        return new Embeddings(MiniLm.embedder()::embed);
    }

    /** For tests: any text-to-vector function. */
    static Embeddings of(Function<String, float[]> f) {
        return new Embeddings(texts -> texts.stream().map(f).toList());
    }

    Map<String, float[]> memo() {
        return memo;
    }

    /** Embeds every text not yet known, in one batch (duplicates embedded once). */
    void warm(List<String> queries) {
        LinkedHashSet<String> missing = new LinkedHashSet<>();
        for (String q : queries) {
            String f = QueryText.focus(q);
            if (!memo.containsKey(f)) missing.add(f);
        }
        if (missing.isEmpty()) return;
        List<String> todo = new ArrayList<>(missing);
        long t0 = System.nanoTime();
        List<float[]> vectors = backend.apply(todo);
        embedNanos.addAndGet(System.nanoTime() - t0);
        embedded.addAndGet(todo.size());
        for (int i = 0; i < todo.size(); i++) memo.put(todo.get(i), normalise(vectors.get(i)));
    }

    float[] embed(String query) {
        String f = QueryText.focus(query);
        float[] v = memo.get(f);
        if (v != null) return v;
        warm(List.of(query));
        return memo.get(f);
    }

    /** Texts embedded by the model in this process (cache hits excluded) and the seconds it took. */
    String timing() {
        return String.format(Locale.ROOT, "embedded %d texts in %.1f s", embedded.get(), embedNanos.get() / 1e9);
    }

    private static float[] normalise(float[] v) {
        double s = 0;
        for (float x : v) s += x * x;
        double n = Math.sqrt(s);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = n > 0 ? (float) (v[i] / n) : 0f;
        return out;
    }
}
