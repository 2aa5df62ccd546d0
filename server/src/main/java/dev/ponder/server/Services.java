package dev.ponder.server;

import dev.ponder.core.answer.Grouping;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.route.Router;
import dev.ponder.core.verify.java.JavaSandbox;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the proxy takes from outside the server module, which depends on neither the lab nor the sandbox: the loader of
 * trained router files ({@code router.model}), the grouping behind the {@code semantic} answer kind (an embedding
 * model, e.g. the lab's MiniLM), the Java sandbox the {@code java-tests} checker runs code in, and where warnings go
 * (unpriced models). {@code ponder serve} passes all four.
 */
public record Services(Function<Path, Router> routers, Optional<Grouping> semantic, Supplier<JavaSandbox> sandboxes, Consumer<String> warnings) {
    private static final System.Logger LOG = System.getLogger(ProxyServer.class.getName());

    public Services {
        Objects.requireNonNull(routers, "routers");
        Objects.requireNonNull(semantic, "semantic");
        Objects.requireNonNull(sandboxes, "sandboxes");
        Objects.requireNonNull(warnings, "warnings");
    }

    /** None of them: a router section, the semantic kind and java-tests are refused, saying how to embed them; warnings are logged. */
    public static Services none() {
        return new Services(file -> {
            throw PonderException.invalid("router.model %s: this proxy was started without a router loader; `ponder serve` loads trained"
                    + " router files (embedding: ProxyServer.start(config, file -> RouterModel.load(file).router()))", file);
        }, Optional.empty(), () -> {
            throw PonderException.invalid("checker java-tests needs a Java sandbox, and this proxy was started without one (ponder serve gives"
                    + " it the sandbox module's; embedding: Services.none().withSandboxes(...))");
        }, w -> LOG.log(System.Logger.Level.WARNING, w));
    }

    public Services withRouters(Function<Path, Router> r) { return new Services(r, semantic, sandboxes, warnings); }

    public Services withSemantic(Grouping g) { return new Services(routers, Optional.of(g), sandboxes, warnings); }

    public Services withSandboxes(Supplier<JavaSandbox> s) { return new Services(routers, semantic, s, warnings); }

    public Services withWarnings(Consumer<String> w) { return new Services(routers, semantic, sandboxes, w); }
}
