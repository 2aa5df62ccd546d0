package dev.ponder.core.verify;

import dev.ponder.core.error.PonderException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Verifiers by name, registered explicitly (no classpath scanning). {@link #standard()} holds the built-in ones
 * that need no configuration; callers add configured ones (a sandboxed {@code java-tests}, an LLM judge) themselves.
 */
public final class VerifierRegistry {

    private final Map<String, Supplier<Verifier>> factories = new LinkedHashMap<>();

    private VerifierRegistry() {}

    public static VerifierRegistry empty() { return new VerifierRegistry(); }

    /** {@code exact}, {@code math} and {@code game24}. */
    public static VerifierRegistry standard() {
        return empty().register("exact", Verifier::exact)
                .register("math", Verifier::math)
                .register("game24", Verifier::game24);
    }

    public synchronized VerifierRegistry register(String name, Supplier<Verifier> factory) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("verifier name is blank");
        if (factories.putIfAbsent(name, factory) != null) {
            throw new IllegalArgumentException("verifier '" + name + "' is already registered");
        }
        return this;
    }

    public synchronized Verifier create(String name) {
        Supplier<Verifier> factory = factories.get(name);
        if (factory == null) {
            throw new PonderException(PonderException.Kind.NOT_FOUND,
                    "no verifier named '" + name + "'; known: " + String.join(", ", factories.keySet()));
        }
        return factory.get();
    }

    public synchronized Set<String> names() { return Set.copyOf(factories.keySet()); }
}
