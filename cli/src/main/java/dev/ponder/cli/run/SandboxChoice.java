package dev.ponder.cli.run;

import dev.ponder.core.verify.java.JavaSandbox;
import dev.ponder.sandbox.SandboxLimits;
import dev.ponder.sandbox.Sandboxes;
import java.util.function.Supplier;

/** How {@code ponder run} starts the sandbox for model-written Java: bubblewrap, or none with {@code --unsandboxed}. */
final class SandboxChoice {
    private SandboxChoice() {}

    /** Starts a two-worker sandbox when first asked; {@code unsandboxed} only for trusted code where bwrap is missing. */
    static Supplier<JavaSandbox> of(boolean unsandboxed) {
        return () -> unsandboxed ? Sandboxes.unsandboxed(SandboxLimits.defaults(), 2) : Sandboxes.bubblewrap(SandboxLimits.defaults(), 2);
    }
}
