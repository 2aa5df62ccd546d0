package dev.ponder.server;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.route.Router;
import dev.ponder.core.telemetry.Telemetry;
import dev.ponder.server.auth.KeyRing;
import dev.ponder.server.budget.Spending;
import dev.ponder.server.catalog.BankModel;
import dev.ponder.server.catalog.Catalog;
import dev.ponder.server.catalog.ServedModel;
import dev.ponder.server.catalog.UpstreamModel;
import dev.ponder.core.answer.Grouping;
import dev.ponder.core.backend.Backend;
import dev.ponder.server.calibration.Tuner;
import dev.ponder.server.catalog.PriceCheck;
import dev.ponder.server.chat.ChatOptions;
import dev.ponder.server.chat.ChatPipeline;
import dev.ponder.server.chat.RequestObserver;
import dev.ponder.server.check.Checkers;
import dev.ponder.server.store.StoredCompletions;
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
    private final Tuner tuner;

    private ProxyServer(HttpFront front, Catalog catalog, String host, Deque<AutoCloseable> opened, Tuner tuner) {
        this.front = front;
        this.catalog = catalog;
        this.host = host;
        this.opened = opened;
        this.tuner = tuner;
    }

    /** Without a router loader: a config with a {@code router} section is refused (ponder serve passes one). */
    public static ProxyServer start(ProxyConfig c) { return start(c, Services.none(), InstantSource.system(), new SplittableRandom()); }

    /** {@code routers} turns the config's {@code router.model} file into a router (the cli passes the lab's loader). */
    public static ProxyServer start(ProxyConfig c, Function<Path, Router> routers) {
        return start(c, routers, InstantSource.system(), new SplittableRandom());
    }

    /** With the clock and the random generator (trace ids, seeds of requests that name none) injected. */
    public static ProxyServer start(ProxyConfig c, Function<Path, Router> routers, InstantSource clock, RandomGenerator random) {
        return start(c, Services.none().withRouters(routers), clock, random);
    }

    /** With what the server module cannot make itself ({@link Services}), the clock and the random generator injected. */
    public static ProxyServer start(ProxyConfig c, Services services, InstantSource clock, RandomGenerator random) {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            Optional<AutoRoute> auto = c.router().map(r -> AutoRoute.of(services.routers().apply(r.model()), r.knob(), r.tiers()));
            Upstreams upstreams = push(opened, Upstreams.open(c.upstreams(), c.prices(), c.cooldown(), clock));
            List<ServedModel> served = models(c, upstreams, services.semantic());
            PriceCheck prices = new PriceCheck(upstreams::priced, c.requirePrices(), services.warnings());
            prices.configured(upstreams.pools().keySet());
            Ledger ledger = push(opened, c.ledger().map(l -> Ledger.open(l, c.baseDir())).orElseGet(Ledger::memory));
            ProxyMetrics metrics = push(opened, new ProxyMetrics());
            Tuner tuner = push(opened, Tuner.open(c.calibration(), served, c.maxSamples(), ledger, metrics.registry(), clock, random));
            refuseKey(c, Tuner.LEDGER_KEY);
            Catalog catalog = new Catalog(served, tuner.strategies(), auto);
            Checkers checkers = push(opened, new Checkers(upstreams.checkers(), c.checker(), judges(catalog), services.sandboxes()));
            checkers.validate();
            StoredCompletions stored = push(opened, StoredCompletions.open(storedFile(c), c.traceCapacity()));
            TraceStore traces = new TraceStore(c.traceCapacity());
            Optional<ProxyTelemetry> telemetry = c.telemetry().map(t -> push(opened, ProxyTelemetry.start(t)));
            List<RequestObserver> observers = new ArrayList<>(List.of(metrics, stored));
            telemetry.ifPresent(observers::add);
            ChatPipeline pipeline = push(opened, new ChatPipeline(catalog, new Spending(ledger, clock), traces, observers,
                    new ChatOptions(c.maxSamples(), prices, checkers, tuner), clock, random, telemetry.map(ProxyTelemetry::telemetry).orElse(Telemetry.off())));
            HttpFront front = push(opened, new HttpFront(new InetSocketAddress(c.host(), c.port()), c.maxBodyBytes(), pipeline, new KeyRing(c.keys()),
                    catalog, traces, metrics, c.transport(), tuner, stored, telemetry));
            return new ProxyServer(front, catalog, c.host(), opened, tuner);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> opened, T resource) {
        opened.push(resource);
        return resource;
    }

    private static List<ServedModel> models(ProxyConfig c, Upstreams upstreams, Optional<Grouping> semantic) {
        List<ServedModel> out = new ArrayList<>();
        for (Path b : c.banks()) out.add(BankModel.of(BankReader.read(b), c.prices()));
        upstreams.pools().forEach((model, pool) -> {
            AnswerExtractor extractor;
            try {
                extractor = AnswerExtractor.forName(upstreams.answer(model), semantic);
            } catch (IllegalArgumentException e) {
                throw PonderException.invalid("upstream answer for model %s: %s", model, e.getMessage());
            }
            out.add(new UpstreamModel(model, pool, extractor));
        });
        return out;
    }

    /** A judge model's backend: a served upstream model's pool. */
    private static Function<String, Optional<Backend>> judges(Catalog catalog) {
        return model -> catalog.models().stream().filter(m -> m.id().equals(model) && m instanceof UpstreamModel)
                .map(m -> (Backend) ((UpstreamModel) m).pool()).findFirst();
    }

    /** Stored completions: the configured file, else beside a ledger file, else in memory only. */
    private static Optional<Path> storedFile(ProxyConfig c) {
        if (c.stored().isPresent()) return Optional.of(c.baseDir().resolve(c.stored().get()));
        return c.ledger().filter(l -> !l.startsWith("postgres://") && !l.startsWith("postgresql://"))
                .map(l -> c.baseDir().resolve(l).resolveSibling(STORED_FILE));
    }

    /** The stored completions file beside a ledger file. */
    public static final String STORED_FILE = "ponder-stored.jsonl";

    private static void refuseKey(ProxyConfig c, String reserved) {
        if (c.calibration().isPresent() && c.keys().stream().anyMatch(k -> k.id().equals(reserved))) {
            throw PonderException.invalid("keys: id %s is where the ledger books live calibration's spend; give the key another id", reserved);
        }
    }

    public int port() { return front.port(); }

    /** Waits until live calibration's draws started so far are done (they follow answers already sent). */
    public void awaitCalibrationDraws() throws InterruptedException { tuner.awaitDraws(); }

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
