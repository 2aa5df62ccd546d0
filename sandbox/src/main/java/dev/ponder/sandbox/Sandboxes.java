package dev.ponder.sandbox;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.verify.java.JavaSandbox;
import java.util.Optional;

/**
 * Core's {@link JavaSandbox} over warm worker JVMs: {@link #bubblewrap} isolates each worker with bubblewrap;
 * {@link #unsandboxed} runs the same pool with no isolation and exists only for explicit opt-in (trusted reference
 * solutions, machines without bwrap).
 */
public final class Sandboxes {
    private Sandboxes() {}

    /** Why bubblewrap cannot be used here, or empty when it can. */
    public static Optional<String> bubblewrapUnavailable() { return Launcher.bubblewrapUnavailable(); }

    /** A pool of {@code workers} sandboxed JVMs; refuses (INVALID_INPUT, naming the fix) when bwrap is unusable. */
    public static JavaSandbox bubblewrap(SandboxLimits limits, int workers) {
        Optional<String> missing = bubblewrapUnavailable();
        if (missing.isPresent()) {
            throw new PonderException(PonderException.Kind.INVALID_INPUT, "refusing to run untrusted code: " + missing.get()
                    + " (install it with scripts/setup-system, or opt in to --unsandboxed for code you trust)");
        }
        return new WorkerPool(Launcher.bubblewrap(limits), limits, workers);
    }

    /** The same warm pool with no OS isolation: only for code you trust. */
    public static JavaSandbox unsandboxed(SandboxLimits limits, int workers) {
        return new WorkerPool(Launcher.plain(limits), limits, workers);
    }
}
