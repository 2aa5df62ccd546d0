package dev.ponder.cli.serve;

import dev.ponder.cli.Home;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.json.BadField;
import dev.ponder.lab.route.RouterModel;
import dev.ponder.lab.semantic.MiniLm;
import dev.ponder.sandbox.SandboxLimits;
import dev.ponder.sandbox.Sandboxes;
import dev.ponder.server.ProxyServer;
import dev.ponder.server.Services;
import dev.ponder.server.config.ConfigFile;
import dev.ponder.server.config.KeyConfig;
import dev.ponder.server.config.ProxyConfig;
import dev.ponder.server.config.TelemetryConfig;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ponder serve}: the OpenAI-compatible proxy (docs/proxy.md). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve an OpenAI-compatible API that applies test-time strategies per request.",
                "With no --config: 127.0.0.1 only, no keys, the sample banks by replay (works offline).",
                "Model names: MODEL (one sample) or STRATEGY:MODEL, e.g. vote@8:replay:math-qwen25-rm8; cascade:A>B over",
                "upstream models; auto when the config has a router (ponder route train)."})
public final class ServeCommand implements Runnable {
    @Option(names = "--config", description = "YAML config: upstreams, prices, keys, budgets, limits, ledger (see config/ponder-serve.example.yaml)")
    Optional<Path> config;

    @Option(names = "--host", description = "address to bind (default 127.0.0.1, or the config's server.host)")
    Optional<String> host;

    @Option(names = "--port", description = "port (default 8080, or the config's server.port; 0 picks a free one)")
    Optional<Integer> port;

    @Option(names = "--hash-key", description = "print the SHA-256 of a key secret for the config's keys[].sha256, and exit")
    Optional<String> hashKey;

    @Option(names = "--unsandboxed", description = "run the java-tests checker's Java without bubblewrap (trusted code only, where bwrap is missing)")
    boolean unsandboxed;

    /**
     * Starts the proxy with what the server module cannot make itself: the lab's loader for a config's {@code router.model}
     * (a file from {@code ponder route train}), MiniLM behind the {@code semantic} answer kind (loaded on first use), the
     * sandbox module's Java sandbox for {@code java-tests} (started on first use), and warnings on stderr.
     */
    static ProxyServer start(ProxyConfig c, boolean unsandboxed) {
        Services services = Services.none().withRouters(f -> RouterModel.load(f).router()).withSemantic(MiniLm.grouping())
                .withSandboxes(() -> unsandboxed ? Sandboxes.unsandboxed(SandboxLimits.defaults(), 2) : Sandboxes.bubblewrap(SandboxLimits.defaults(), 2))
                .withWarnings(w -> {
                    System.err.println("ponder serve: warning: " + w);
                    System.err.flush();
                });
        return ProxyServer.start(c, services, InstantSource.system(), new SplittableRandom());
    }

    /** {@code c}, traced where the standard OTLP variables in {@code env} say when it has no telemetry section itself. */
    static ProxyConfig withEnvironment(ProxyConfig c, Map<String, String> env) {
        if (c.telemetry().isPresent()) return c;
        try {
            return c.toBuilder().telemetry(TelemetryConfig.fromEnvironment(env)).build();
        } catch (BadField e) {
            throw PonderException.invalid("%s: %s", e.field(), e.getMessage());
        }
    }

    @Override
    public void run() {
        if (hashKey.isPresent()) {
            System.out.println(KeyConfig.hash(hashKey.get()));
            return;
        }
        ProxyConfig c = config.map(f -> ConfigFile.load(f, Home::defaultBanks))
                .orElseGet(() -> ProxyConfig.banksOnly(Home.defaultBanks(), ProxyConfig.DEFAULT_PORT));
        if (host.isPresent()) c = c.toBuilder().host(host.get()).build();
        if (port.isPresent()) c = c.toBuilder().port(port.get()).build();
        c = withEnvironment(c, System.getenv());
        if (c.keys().isEmpty() && !c.host().equals("127.0.0.1") && !c.host().equals("localhost") && !c.host().equals("::1")) {
            System.err.println("ponder serve: warning: listening on " + c.host() + " with no API keys: anyone who can reach it can spend");
        }
        ProxyServer server = start(c, unsandboxed);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("ponder serve: listening on " + server.baseUrl() + " with " + server.modelCount() + " models ("
                + server.modelIds().size() + " names with strategy forms" + (c.router().isPresent() ? "; auto routes with " + c.router().get().model() : "")
                + "); " + server.transport().configName() + "; GET " + server.baseUrl() + "/models lists them"
                + (config.isEmpty() ? "; no config: loopback only, no keys, replaying the banks" : "")
                + c.telemetry().map(t -> "; traces to " + t.tracesUrl()).orElse(""));
        System.out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
