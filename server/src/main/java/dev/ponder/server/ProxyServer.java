package dev.ponder.server;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.openai.ApiKey;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.route.Router;
import dev.ponder.core.strategy.StrategyRegistry;
import dev.ponder.server.auth.KeyRing;
import dev.ponder.server.budget.RateLimiter;
import dev.ponder.server.budget.Spending;
import dev.ponder.server.catalog.BankModel;
import dev.ponder.server.catalog.Catalog;
import dev.ponder.server.catalog.ServedModel;
import dev.ponder.server.catalog.UpstreamModel;
import dev.ponder.server.chat.ChatService;
import dev.ponder.server.config.ProxyConfig;
import dev.ponder.server.config.UpstreamConfig;
import dev.ponder.server.http.HttpFront;
import dev.ponder.server.ledger.Ledger;
import dev.ponder.server.metrics.ProxyMetrics;
import dev.ponder.server.route.AutoRoute;
import dev.ponder.server.trace.TraceStore;
import dev.ponder.server.upstream.Upstream;
import dev.ponder.server.upstream.UpstreamPool;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The OpenAI-compatible proxy: {@code ProxyServer.start(config)} listens and serves until {@link #close()}.
 * See docs/proxy.md for the API, the model-name grammar and the config file.
 */
public final class ProxyServer implements AutoCloseable {
    private final HttpFront front;
    private final Ledger ledger;
    private final Catalog catalog;
    private final String host;
    private final List<UpstreamPool> pools;

    private ProxyServer(HttpFront front, Ledger ledger, Catalog catalog, String host, List<UpstreamPool> pools) {
        this.pools = pools;
        this.front = front;
        this.ledger = ledger;
        this.catalog = catalog;
        this.host = host;
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
        Optional<AutoRoute> auto = c.router().map(r -> AutoRoute.of(routers.apply(r.model()), r.knob(), r.tiers()));
        List<ServedModel> models = models(c);
        List<UpstreamPool> pools = models.stream().filter(m -> m instanceof UpstreamModel).map(m -> ((UpstreamModel) m).pool()).toList();
        Ledger ledger = null;
        try {
            Catalog catalog = new Catalog(models, StrategyRegistry.standard(), auto);
            ledger = c.ledger().map(l -> Ledger.open(l, c.baseDir())).orElseGet(Ledger::memory);
            ProxyMetrics metrics = new ProxyMetrics();
            TraceStore traces = new TraceStore(c.traceCapacity());
            ChatService chat = new ChatService(catalog, new RateLimiter(c.clock()), new Spending(ledger, c.clock()), metrics, traces,
                    c.clock(), c.random());
            HttpFront front = new HttpFront(new InetSocketAddress(c.host(), c.port()), c.maxBodyBytes(), chat, new KeyRing(c.keys()),
                    catalog, traces, metrics, c.transport());
            return new ProxyServer(front, ledger, catalog, c.host(), pools);
        } catch (RuntimeException e) {
            if (ledger != null) ledger.close();
            pools.forEach(UpstreamPool::close);
            throw e;
        }
    }

    private static List<ServedModel> models(ProxyConfig c) {
        List<ServedModel> out = new ArrayList<>();
        for (Path b : c.banks()) out.add(BankModel.of(BankReader.read(b), c.prices()));
        Map<String, List<Upstream>> members = new LinkedHashMap<>();
        Map<String, String> answers = new LinkedHashMap<>();
        for (UpstreamConfig u : c.upstreams()) {
            for (var m : u.models().entrySet()) {
                OpenAiConfig.Builder b = OpenAiConfig.builder(u.baseUrl()).modelName(m.getKey(), m.getValue()).maxRetries(u.maxRetries())
                        .backoff(u.backoff(), u.backoff().multipliedBy(16)).requestTimeout(u.timeout()).prices(c.prices())
                        .clock(c.clock());
                u.apiKeyEnv().ifPresent(env -> b.apiKey(ApiKey.fromEnv(env)));
                members.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(Upstream.of(u.name(), b.build()));
                answers.putIfAbsent(m.getKey(), u.answer());
            }
        }
        members.forEach((model, ms) -> out.add(new UpstreamModel(model, UpstreamPool.of(model, ms, c.cooldown(), c.clock()),
                AnswerExtractor.forName(answers.get(model)))));
        return out;
    }

    public int port() { return front.port(); }

    /** The socket transport the event loops run on (io_uring, epoll or nio). */
    public dev.ponder.server.config.Transport transport() { return front.transport(); }

    /** The API root for OpenAI clients, {@code http://HOST:PORT/v1}. */
    public URI baseUrl() { return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/v1"); }

    public List<String> modelIds() { return catalog.ids(); }

    public int modelCount() { return catalog.models().size(); }

    @Override
    public void close() {
        front.close();
        ledger.close();
        pools.forEach(UpstreamPool::close);
    }
}
