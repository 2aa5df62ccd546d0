package dev.ponder.server.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a request gives the checker of a strategy that consults one ({@code verify@K}, {@code refine@R}, {@code cascade}):
 * the checker it names ({@code ponder.checker}, as {@code CheckerSpec} reads it; absent: the model's from the config),
 * the answer it expects ({@code ponder.reference}, which {@code math} compares against and a judge is shown) and the
 * problem's own fields ({@code ponder.tests}: {@code prompt} and {@code test}, which {@code java-tests} runs).
 */
public record Checking(Optional<String> checker, String reference, Map<String, Object> fields) {
    public static final Checking NONE = new Checking(Optional.empty(), "", Map.of());

    public Checking {
        Objects.requireNonNull(checker, "checker");
        Objects.requireNonNull(reference, "reference");
        fields = Map.copyOf(fields);
    }
}
