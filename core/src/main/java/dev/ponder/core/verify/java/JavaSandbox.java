package dev.ponder.core.verify.java;

import dev.ponder.core.error.PonderException;
import java.util.Optional;

/**
 * Runs untrusted Java: one source file whose {@code mainClass} holds the tests. {@link #bubblewrap} isolates a pool
 * of warm worker JVMs with bubblewrap; {@link #unsandboxed} runs the same pool with no isolation and exists only for
 * explicit opt-in (trusted reference solutions, machines without bwrap). Thread-safe; close it to stop the workers.
 */
public interface JavaSandbox extends AutoCloseable {

    /**
     * @param trustedTypes top-level class names the prompt itself declares (they may shadow JDK names)
     */
    JavaRun run(String source, String mainClass, java.util.Set<String> trustedTypes);

    /** {@code bubblewrap} or {@code unsandboxed}. */
    String isolation();

    @Override
    void close();

    /** Why bubblewrap cannot be used here, or empty when it can. */
    static Optional<String> bubblewrapUnavailable() { return Launcher.bubblewrapUnavailable(); }

    /** A pool of {@code workers} sandboxed JVMs; refuses (INVALID_INPUT, naming the fix) when bwrap is unusable. */
    static JavaSandbox bubblewrap(SandboxLimits limits, int workers) {
        Optional<String> missing = bubblewrapUnavailable();
        if (missing.isPresent()) {
            throw new PonderException(PonderException.Kind.INVALID_INPUT, "refusing to run untrusted code: " + missing.get()
                    + " (install it with scripts/setup-system, or opt in to --unsandboxed for code you trust)");
        }
        return new WorkerPool(Launcher.bubblewrap(limits), limits, workers);
    }

    /** The same warm pool with no OS isolation: only for code you trust. */
    static JavaSandbox unsandboxed(SandboxLimits limits, int workers) {
        return new WorkerPool(Launcher.plain(limits), limits, workers);
    }
}
