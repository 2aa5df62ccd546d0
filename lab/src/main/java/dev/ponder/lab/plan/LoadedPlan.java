package dev.ponder.lab.plan;

import java.nio.file.Path;

/** A plan with the file it came from, the folder its relative paths resolve against, and a hash of its text. */
public record LoadedPlan(Path file, Path base, Plan plan, String hash) {
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : base.resolve(p).normalize();
    }
}
