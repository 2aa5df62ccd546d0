package dev.ponder.core.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the read-only {@code shared/} folder next to the repository (walking up from the module directory). */
public final class SharedFiles {
    private SharedFiles() {}

    public static Optional<Path> root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared");
            if (Files.isDirectory(candidate.resolve("banks"))) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    public static Optional<Path> resolve(String relative) {
        return root().map(r -> r.resolve(relative)).filter(Files::exists);
    }
}
