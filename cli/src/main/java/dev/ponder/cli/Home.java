package dev.ponder.cli;

import dev.ponder.core.error.PonderException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where Ponder's shipped data lives: {@code $PONDER_HOME}, else the repository the running jar was built in
 * ({@code <root>/cli/target/ponder.jar}), else the working directory.
 */
public final class Home {
    private Home() {}

    public static Path root() {
        String env = System.getenv("PONDER_HOME");
        if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath().normalize();
        try {
            Path jar = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("data/banks")) && Files.exists(p.resolve("pom.xml"))) return p;
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    /** The development data beside the repository ({@code ../shared}), when it is there. */
    public static Optional<Path> shared() {
        for (Path base : List.of(root(), Path.of("").toAbsolutePath())) {
            Path s = base.resolveSibling("shared");
            if (Files.isDirectory(s.resolve("banks"))) return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The banks the main job replays: ../shared/banks when present, else the shipped copies in data/banks. */
    public static List<Path> defaultBanks() {
        Path dir = shared().map(s -> s.resolve("banks")).orElse(root().resolve("data/banks"));
        List<Path> out = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(p -> Files.exists(p.resolve("bank.json"))).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.NOT_FOUND,
                    "no banks found in " + dir + " (set PONDER_HOME to the Ponder checkout, or pass --bank DIR)");
        }
        return out;
    }
}
