package dev.ponder.core.verify.java;

import java.util.Set;

/**
 * Runs untrusted Java: one source file whose {@code mainClass} holds the tests. Core defines only this contract and
 * starts no processes; the {@code sandbox} module implements it ({@code Sandboxes.bubblewrap(limits, workers)}, a pool
 * of warm worker JVMs isolated with bubblewrap, or {@code Sandboxes.unsandboxed(...)} for trusted code).
 * Implementations are thread-safe; close one to stop its workers.
 */
public interface JavaSandbox extends AutoCloseable {

    /**
     * Compiles and runs {@code mainClass} from {@code source}.
     *
     * @param trustedTypes top-level class names the prompt itself declares (they may shadow JDK names)
     */
    JavaRun run(String source, String mainClass, Set<String> trustedTypes);

    /** {@code bubblewrap} or {@code unsandboxed}. */
    String isolation();

    @Override
    void close();
}
