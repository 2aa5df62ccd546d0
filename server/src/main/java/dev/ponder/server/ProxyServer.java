package dev.ponder.server;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.route.Router;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.core.telemetry.Telemetry;
import dev.ponder.server.auth.KeyRing;
import dev.ponder.server.budget.Spending;
import dev.ponder.server.catalog.BankModel;
import dev.ponder.server.catalog.Catalog;
import dev.ponder.server.catalog.ServedModel;
import dev.ponder.server.catalog.UpstreamModel;
import dev.ponder.server.chat.ChatPipeline;
import dev.ponder.server.chat.RequestObserver;
import dev.ponder.server.config.ProxyConfig;
import dev.ponder.server.config.Transport;
import dev.ponder.server.http.HttpFront;
import dev.ponder.server.ledger.Ledger;
import dev.ponder.server.metrics.ProxyMetrics;
import dev.ponder.server.route.AutoRoute;
import dev.ponder.server.telemetry.ProxyTelemetry;
import dev.ponder.server.trace.TraceStore;
import dev.ponder.server.upstream.Upstreams;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The OpenAI-compatible proxy: {@code ProxyServer.start(config)} listens and serves until {@link #close()}, which
 * closes everything it opened, last opened first. See docs/proxy.md for the API, the model-name grammar and the config.
 */
public final class ProxyServer implements AutoCloseable {
    private final HttpFront front;
    private final Catalog catalog;
    private final String host;
    private final Deque<AutoCloseable> opened;

    private ProxyServer(HttpFront front, Catalog catalog, String host, Deque<AutoCloseable> opened) {
        this.front = front;
        this.catalog = catalog;
        this.host = host;
        this.opened = opened;
    }

    /** Without a router loader: a config with a {@code router} section is refused (ponder serve passes one). */
    public static ProxyServer start(ProxyConfig c) {
        return start(c, file -> {
            throw PonderException.invalid("router.model %s: this proxy was started without a router loader; `ponder serve` loads trained"
                    + " router files (embedding: ProxyServer.start(config, file -> RouterModel.load(file).router()))", file);
        });
    }

    /** {@code routers} turns the config's {@code router.model} file into a router (the cli passes the lab's loader). */
    public static ProxyServer start(ProxyConfig c, Function<Path, Router> routers) {
        return start(c, routers, InstantSource.system(), new SplittableRandom());
    }

    /** With the clock and the random generator (trace ids, seeds of requests that name none) injected. */
    public static ProxyServer start(ProxyConfig c, Function<Path, Router> routers, InstantSource clock, RandomGenerator random) {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            Optional<AutoRoute> auto = c.router().map(r -> AutoRoute.of(routers.apply(r.model()), r.knob(), r.tiers()));
            Upstreams upstreams = push(opened, Upstreams.open(c.upstreams(), c.prices(), c.cooldown(), clock));
            Catalog catalog = new Catalog(models(c, upstreams), StrategyRegistry.standard(), auto);
            Ledger ledger = push(opened, c.ledger().map(l -> Ledger.open(l, c.baseDir())).orElseGet(Ledger::memory));
            ProxyMetrics metrics = push(opened, new ProxyMetrics());
            TraceStore traces = new TraceStore(c.traceCapacity());
            Optional<ProxyTelemetry> telemetry = c.telemetry().map(t -> push(opened, ProxyTelemetry.start(t)));
            List<RequestObserver> observers = telemetry.isPresent() ? List.of(metrics, telemetry.get()) : List.of(metrics);
            ChatPipeline pipeline = push(opened, new ChatPipeline(catalog, new Spending(ledger, clock), traces, observers, clock, random,
                    telemetry.map(ProxyTelemetry::telemetry).orElse(Telemetry.off())));
            HttpFront front = push(opened, new HttpFront(new InetSocketAddress(c.host(), c.port()), c.maxBodyBytes(), pipeline, new KeyRing(c.keys()),
                    catalog, traces, metrics, c.transport(), telemetry));
            return new ProxyServer(front, catalog, c.host(), opened);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> opened, T resource) {
        opened.push(resource);
        return resource;
    }

    private static List<ServedModel> models(ProxyConfig c, Upstreams upstreams) {
        List<ServedModel> out = new ArrayList<>();
        for (Path b : c.banks()) out.add(BankModel.of(BankReader.read(b), c.prices()));
        upstreams.pools().forEach((model, pool) -> out.add(new UpstreamModel(model, pool, AnswerExtractor.forName(upstreams.answer(model)))));
        return out;
    }

    public int port() { return front.port(); }

    /** The socket transport the event loops run on (io_uring, epoll or nio). */
    public Transport transport() { return front.transport(); }

    /** The API root for OpenAI clients, {@code http://HOST:PORT/v1}. */
    public URI baseUrl() { return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/v1"); }

    public List<String> modelIds() { return catalog.ids(); }

    public int modelCount() { return catalog.models().size(); }

    /**
     * Stops listening and the event loops, then the requests still running (their ledger lines written), then the
     * metrics, the ledger and the upstreams' HTTP clients.
     */
    @Override
    public void close() { closeAll(opened); }

    private static void closeAll(Deque<AutoCloseable> opened) {
        RuntimeException failure = null;
        for (AutoCloseable r; (r = opened.poll()) != null; ) {
            try {
                r.close();
            } catch (Exception e) {
                if (failure == null) failure = e instanceof RuntimeException re ? re : new IllegalStateException("closing " + r + ": " + e, e);
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }
}
