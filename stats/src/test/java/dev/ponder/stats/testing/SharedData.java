package dev.ponder.stats.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the read-only {@code shared/} data folder by walking up from the working directory. */
public final class SharedData {
    private SharedData() {}

    /** The shared folder (the sibling {@code shared} that holds {@code banks/}), when present. */
    public static Optional<Path> root() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("shared");
            if (Files.isDirectory(s.resolve("banks"))) return Optional.of(s);
            Path up = p.resolve("../shared").normalize();
            if (Files.isDirectory(up.resolve("banks"))) return Optional.of(up);
        }
        return Optional.empty();
    }

    /** A file or folder under shared/, when present. */
    public static Optional<Path> resolve(String relative) {
        return root().map(r -> r.resolve(relative)).filter(Files::exists);
    }
}
