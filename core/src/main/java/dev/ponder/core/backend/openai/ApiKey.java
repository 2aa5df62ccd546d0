package dev.ponder.core.backend.openai;

import dev.ponder.core.error.PonderException;
import java.util.Map;
import java.util.Objects;

/** The bearer token for the upstream server: a literal value or the name of an environment variable. Never printed. */
public sealed interface ApiKey {

    /** The key itself; {@link #toString()} hides it. */
    record Literal(String value) implements ApiKey {
        public Literal {
            Objects.requireNonNull(value, "value");
            if (value.isBlank()) throw new IllegalArgumentException("API key is blank");
        }

        @Override
        public String toString() { return "ApiKey[****]"; }
    }

    /** Read from this environment variable when the backend is created. */
    record FromEnv(String variable) implements ApiKey {
        public FromEnv {
            Objects.requireNonNull(variable, "variable");
            if (variable.isBlank()) throw new IllegalArgumentException("API key environment variable name is blank");
        }
    }

    static ApiKey of(String value) { return new Literal(value); }

    static ApiKey fromEnv(String variable) { return new FromEnv(variable); }

    /** The key's value, looked up in {@code env} when it comes from the environment. */
    default String resolve(Map<String, String> env) {
        return switch (this) {
            case Literal l -> l.value();
            case FromEnv e -> {
                String v = env.get(e.variable());
                if (v == null || v.isBlank()) {
                    throw PonderException.invalid("the API key variable %s is not set in the environment", e.variable());
                }
                yield v;
            }
        };
    }
}
