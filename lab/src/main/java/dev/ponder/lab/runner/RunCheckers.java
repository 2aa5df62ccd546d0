package dev.ponder.lab.runner;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.verify.CheckerSpec;
import dev.ponder.core.verify.Verifier;
import dev.ponder.core.verify.java.JavaSandbox;
import dev.ponder.lab.eval.CheckerResources;
import dev.ponder.lab.plan.Config;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** A run's checkers: one sandbox for every {@code java-tests} checker of the run, judges on each configuration's backend. */
final class RunCheckers implements AutoCloseable {
    private final CheckerResources shared;
    private final Backends backends;

    RunCheckers(Supplier<JavaSandbox> sandboxes, Backends backends) {
        this.backends = backends;
        this.shared = new CheckerResources(sandboxes, model -> {
            throw new IllegalStateException("judges are built per configuration");
        });
    }

    /** The configuration's checker, noisy when asked, with verdicts drawn from {@code rng}. */
    Verifier checker(String spec, Optional<String> noise, RandomGenerator rng, Config c) {
        Verifier v = CheckerSpec.parse(spec).create(new CheckerSpec.Resources() {
            @Override
            public JavaSandbox sandbox() { return shared.sandbox(); }

            @Override
            public Backend judge(String model) { return backends.judgeFor(c, model); }
        });
        return noise.map(n -> CheckerSpec.noisy(v, n, rng)).orElse(v);
    }

    @Override
    public void close() { shared.close(); }
}
