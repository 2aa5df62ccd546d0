package dev.ponder.lab.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How each live call samples: {@code max_tokens} (the output cap per sample, which is also what a budget reserves for
 * the call before it is made), {@code temperature} and {@code top_p}. Absent means the server's default (and a
 * reservation of the backend's default cap, 4096 tokens). Replay ignores them: its samples are recorded.
 */
public record Sampling(Optional<Integer> maxTokens, Optional<Double> temperature, Optional<Double> topP) {
    public static final Sampling DEFAULT = new Sampling(Optional.empty(), Optional.empty(), Optional.empty());

    public Sampling {
        maxTokens = maxTokens == null ? Optional.empty() : maxTokens;
        temperature = temperature == null ? Optional.empty() : temperature;
        topP = topP == null ? Optional.empty() : topP;
        maxTokens.ifPresent(t -> {
            if (t < 1 || t > 1_000_000) throw new IllegalArgumentException("max_tokens must be in [1, 1000000], was " + t);
        });
        temperature.ifPresent(t -> {
            if (!(t >= 0 && t <= 2)) throw new IllegalArgumentException("temperature must be in [0, 2], was " + t);
        });
        topP.ifPresent(p -> {
            if (!(p > 0 && p <= 1)) throw new IllegalArgumentException("top_p must be in (0, 1], was " + p);
        });
    }

    /** The body fields besides the token cap. */
    public Map<String, Object> extra() {
        Map<String, Object> m = new LinkedHashMap<>();
        temperature.ifPresent(t -> m.put("temperature", t));
        topP.ifPresent(p -> m.put("top_p", p));
        return m;
    }

    public boolean isDefault() { return equals(DEFAULT); }

    /** For configuration ids and titles: {@code max_tokens=512 temperature=0.7}; empty when all are defaults. */
    public String label() {
        List<String> parts = new ArrayList<>();
        maxTokens.ifPresent(t -> parts.add("max_tokens=" + t));
        temperature.ifPresent(t -> parts.add("temperature=" + t));
        topP.ifPresent(p -> parts.add("top_p=" + p));
        return String.join(" ", parts);
    }
}
