package dev.ponder.server.check;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.verify.CheckerSpec;
import dev.ponder.core.verify.Verifier;
import dev.ponder.core.verify.java.JavaSandbox;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.catalog.Catalog;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The checkers the proxy's strategies consult ({@code verify@K} needs one; {@code refine@R} and {@code cascade} use one
 * when there is one), named as plans and {@code ponder run --checker} name them ({@link CheckerSpec}): the request's
 * {@code ponder.checker}, else its model's upstream's {@code checker}, else the config's. A request's checker is made
 * for it alone, so an {@code llm-judge:MODEL}'s calls (on that served model's upstreams) are counted in its usage; the
 * Java sandbox of {@code java-tests} is started on first use and shared.
 */
public final class Checkers implements AutoCloseable {
    private final Map<String, String> byModel;
    private final Optional<String> otherwise;
    private final Function<String, Optional<Backend>> judges;
    private final Supplier<JavaSandbox> sandboxes;
    private JavaSandbox sandbox;

    /**
     * {@code byModel}: served model id to its upstream's checker; {@code otherwise}: the config's, for the rest;
     * {@code judges}: a served upstream model's backend by id; {@code sandboxes}: starts the Java sandbox.
     */
    public Checkers(Map<String, String> byModel, Optional<String> otherwise, Function<String, Optional<Backend>> judges,
                    Supplier<JavaSandbox> sandboxes) {
        this.byModel = Map.copyOf(byModel);
        this.otherwise = otherwise;
        this.judges = judges;
        this.sandboxes = sandboxes;
    }

    /** No checkers configured; a request may still name one. */
    public static Checkers none() {
        return new Checkers(Map.of(), Optional.empty(), m -> Optional.empty(),
                () -> { throw PonderException.invalid("checker java-tests needs a Java sandbox, and this proxy was started without one"); });
    }

    /** At start: every configured checker can be built (a judge's model is a served upstream model). */
    public void validate() {
        byModel.forEach((model, spec) -> judgeServed(spec, "upstream checker of model " + model));
        otherwise.ifPresent(spec -> judgeServed(spec, "checker"));
    }

    /**
     * The checker a request on {@code t} uses, as written; refused (400) when its strategy cannot run without one and
     * there is none, or when it names a judge model that is not served: before any call is made.
     */
    public Optional<String> specFor(Catalog.Target t, ChatRequest r) {
        Optional<String> spec = r.checking().checker().or(() -> Optional.ofNullable(byModel.get(t.model().baseIds().getFirst()))).or(() -> otherwise);
        if (t.strategy().needsChecker() && spec.isEmpty()) {
            throw ApiFailure.field("ponder.checker", "strategy " + t.strategy().name() + " needs a checker (a verifier that judges answers"
                    + " without the reference) and none is configured for model " + t.model().id() + ": name one in the request as"
                    + " ponder.checker, or in the serve config (checker: NAME, or upstreams[].checker); known: " + String.join(", ", CheckerSpec.FORMS));
        }
        if (spec.isPresent()) {
            try {
                judgeServed(spec.get(), "ponder.checker");
            } catch (PonderException e) {
                throw ApiFailure.field("ponder.checker", e.getMessage());
            }
        }
        return spec;
    }

    /**
     * A fresh verifier for one request (built on the request's own thread: a sandbox may start); a judge's backend is
     * {@code judged} applied to the judge model's, so the request can meter and count the judge's calls.
     */
    public Verifier create(String spec, UnaryOperator<Backend> judged) {
        return CheckerSpec.parse(spec).create(new CheckerSpec.Resources() {
            @Override
            public JavaSandbox sandbox() { return shared(); }

            @Override
            public Backend judge(String model) { return judged.apply(judges.apply(model).orElseThrow(() -> notServed(model))); }
        });
    }

    private synchronized JavaSandbox shared() {
        if (sandbox == null) sandbox = sandboxes.get();
        return sandbox;
    }

    private void judgeServed(String spec, String where) {
        if (CheckerSpec.parse(spec) instanceof CheckerSpec.Judge j && judges.apply(j.model()).isEmpty()) {
            throw PonderException.invalid("%s %s: %s", where, spec, notServed(j.model()).getMessage());
        }
    }

    private static PonderException notServed(String model) {
        return PonderException.invalid("the judge model %s is not a served upstream model (list it under an upstream's models)", model);
    }

    @Override
    public synchronized void close() {
        if (sandbox != null) sandbox.close();
        sandbox = null;
    }
}
