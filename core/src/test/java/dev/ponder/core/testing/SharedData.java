package dev.ponder.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the development data ({@code ../shared} beside the repository) for tests; absent on a user's clone, where
 * tests that need it skip: {@code assumeTrue(SharedData.root().isPresent(), SharedData.SKIP)}.
 */
public final class SharedData {
    public static final String SKIP = "../shared not present (as on a user's clone): skipping a test on development data";

    private SharedData() {}

    public static Optional<Path> root() { return findFrom(Path.of(System.getProperty("user.dir"))); }

    public static Optional<Path> find() { return root(); }

    public static Optional<Path> findFrom(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared");
            if (Files.isDirectory(candidate.resolve("banks"))) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** A path inside the shared directory, when it is there. */
    public static Optional<Path> resolve(String relative) { return root().map(s -> s.resolve(relative)).filter(Files::exists); }

    public static Optional<Path> bank(String name) { return root().map(r -> r.resolve("banks").resolve(name)); }

    public static Optional<Path> data(String folder) { return root().map(r -> r.resolve("data").resolve(folder)); }

    /** The repository's shipped banks (data/banks), found by walking up from the working directory. */
    public static Path shippedBank(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path b = p.resolve("data/banks").resolve(name);
            if (Files.isDirectory(b)) return b;
        }
        throw new IllegalStateException("shipped bank " + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
