package dev.ponder.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the read-only shared data directory ({@code ../shared} beside the repository): walks up from the working
 * directory looking for a sibling {@code shared/banks}. Tests skip when it is absent:
 * {@code assumeTrue(SharedData.find().isPresent(), "../shared not present: skipping ...")}.
 */
public final class SharedData {
    private SharedData() { }

    public static Optional<Path> find() { return findFrom(Path.of(System.getProperty("user.dir"))); }

    public static Optional<Path> findFrom(Path start) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared");
            if (Files.isDirectory(candidate.resolve("banks"))) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** A path inside the shared directory, when the directory is there. */
    public static Optional<Path> resolve(String relative) { return find().map(s -> s.resolve(relative)); }
}
