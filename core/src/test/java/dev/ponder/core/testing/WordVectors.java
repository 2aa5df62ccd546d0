package dev.ponder.core.testing;

import dev.ponder.core.answer.Embedder;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A deterministic stand-in embedding for tests: word counts hashed into 512 dimensions (texts sharing words are close). */
public final class WordVectors implements Embedder {
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private int calls;
    private int texts;

    @Override
    public synchronized List<float[]> embed(List<String> batch) {
        calls++;
        texts += batch.size();
        return batch.stream().map(WordVectors::vector).toList();
    }

    /** How many times {@link #embed} was called, and how many texts it embedded in all. */
    public synchronized int calls() { return calls; }

    public synchronized int texts() { return texts; }

    static float[] vector(String text) {
        float[] v = new float[512];
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) v[Math.floorMod(m.group().hashCode(), v.length)]++;
        return v;
    }
}
