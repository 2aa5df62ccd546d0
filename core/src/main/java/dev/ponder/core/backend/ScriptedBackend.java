package dev.ponder.core.backend;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Deterministic responses for tests: a function from the request to the text of each generation, called once per
 * generation with a running counter, and fixed usage per generation. A response may be scripted as a failure.
 */
public final class ScriptedBackend implements Backend {
    private final Function<Integer, String> script;
    private final Usage perGeneration;
    private final String name;
    private int counter;
    private int calls;

    private ScriptedBackend(Builder b) {
        this.script = b.script;
        this.perGeneration = b.perGeneration;
        this.name = b.name;
    }

    static Builder builder() { return new Builder(); }

    public static final class Builder {
        private Function<Integer, String> script = i -> "The answer is " + i + ".";
        private Usage perGeneration = new Usage(10, 20, 0, 0.0001, Duration.ZERO);
        private String name = "scripted";

        /** Texts served in order, one per generation; past the end the backend fails as exhausted. */
        public Builder texts(String... texts) {
            List<String> t = List.of(texts);
            script = i -> {
                if (i >= t.size()) throw new PonderException(PonderException.Kind.SAMPLES_EXHAUSTED, "scripted backend: all " + t.size() + " texts served");
                return t.get(i);
            };
            return this;
        }

        /** Text of generation i (0-based across all calls); a text starting with {@code !fail:KIND} throws that kind. */
        public Builder script(Function<Integer, String> f) { script = f; return this; }

        public Builder usagePerGeneration(Usage u) { perGeneration = u; return this; }

        public Builder name(String n) { name = n; return this; }

        public ScriptedBackend build() { return new ScriptedBackend(this); }
    }

    @Override
    public String name() { return name; }

    @Override
    public synchronized Generated generate(GenerationRequest request) {
        calls++;
        List<Generation> out = new ArrayList<>();
        for (int i = 0; i < request.n(); i++) {
            String text = script.apply(counter++);
            if (text.startsWith("!fail:")) {
                throw new PonderException(PonderException.Kind.valueOf(text.substring(6)), "scripted failure at generation " + (counter - 1));
            }
            out.add(Generation.live(text, "", "stop", perGeneration));
        }
        return Generated.once(out);
    }

    @Override
    public Usage worstCase(GenerationRequest request) {
        Usage u = Usage.ZERO;
        for (int i = 0; i < request.n(); i++) u = u.plus(perGeneration);
        return u;
    }

    public synchronized int calls() { return calls; }
}
