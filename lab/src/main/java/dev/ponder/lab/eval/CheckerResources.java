package dev.ponder.lab.eval;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.verify.CheckerSpec;
import dev.ponder.core.verify.Verifier;
import dev.ponder.core.verify.java.JavaSandbox;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * What the lab's checkers are built from: one Java sandbox for a run, started on first use ({@code java-tests}) and
 * stopped on close, and the judge's backend by model name ({@code llm-judge:MODEL}, on the run's live backend).
 */
public final class CheckerResources implements CheckerSpec.Resources, AutoCloseable {
    private final Supplier<JavaSandbox> sandboxes;
    private final Function<String, Backend> judges;
    private JavaSandbox sandbox;

    /**
     * {@code sandboxes} starts the run's sandbox (the {@code sandbox} module's bubblewrap pool, or an unsandboxed one
     * for trusted code where bwrap is missing): the lab knows no processes.
     */
    public CheckerResources(Supplier<JavaSandbox> sandboxes, Function<String, Backend> judges) {
        this.sandboxes = sandboxes;
        this.judges = judges;
    }

    @Override
    public synchronized JavaSandbox sandbox() {
        if (sandbox == null) sandbox = sandboxes.get();
        return sandbox;
    }

    @Override
    public Backend judge(String model) { return judges.apply(model); }

    /** The checker {@code spec} names, made noisy by {@code noise} ({@code FP,FN}) with verdicts drawn from {@code rng}. */
    public Verifier checker(String spec, Optional<String> noise, RandomGenerator rng) {
        Verifier v = CheckerSpec.parse(spec).create(this);
        return noise.map(n -> CheckerSpec.noisy(v, n, rng)).orElse(v);
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) sandbox.close();
        sandbox = null;
    }
}
