package dev.ponder.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the development data ({@code ../shared} beside the repository) for tests; absent on a user's clone. */
public final class SharedData {
    private SharedData() {}

    public static Optional<Path> root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolveSibling("shared");
            if (Files.isDirectory(s.resolve("banks"))) return Optional.of(s);
        }
        return Optional.empty();
    }

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

    public static final String SKIP = "../shared not present (as on a user's clone): skipping a test on development data";
}
