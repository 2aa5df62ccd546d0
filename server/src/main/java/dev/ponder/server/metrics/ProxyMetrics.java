package dev.ponder.server.metrics;

import dev.ponder.server.chat.RequestObserver;
import dev.ponder.server.chat.Settled;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus metrics per strategy and key: requests (with status), latency, tokens (input, output), dollars and the
 * upstream tries behind them, all internal calls included. Key ids are the configured ids, never secrets.
 */
public final class ProxyMetrics implements RequestObserver, AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    // the meters of each (strategy, key[, status]), looked up once: registering is a map lookup on a tag list per call
    private record Outcome(String strategy, String key, int status) {}
    private record Of(String strategy, String key) {}
    private record Spent(Counter input, Counter output, Counter dollars, Counter attempts) {}
    private final Map<Outcome, Counter> requests = new ConcurrentHashMap<>();
    private final Map<Of, Timer> latencies = new ConcurrentHashMap<>();
    private final Map<Of, Spent> spent = new ConcurrentHashMap<>();

    @Override
    public void answered(String strategy, String key, int status, Duration latency) {
        requests.computeIfAbsent(new Outcome(strategy, key, status), o -> Counter.builder("ponder_requests").description("chat completion requests")
                .tags("strategy", strategy, "key", key, "status", Integer.toString(status)).register(registry)).increment();
        latencies.computeIfAbsent(new Of(strategy, key), o -> Timer.builder("ponder_request_latency")
                .description("time to the last byte of a chat completion")
                .tags("strategy", strategy, "key", key).publishPercentileHistogram().register(registry)).record(latency);
    }

    @Override
    public void settled(Settled s) {
        String strategy = s.target().strategy().name();
        String key = s.caller().id();
        Spent m = spent.computeIfAbsent(new Of(strategy, key), o -> new Spent(tokens(strategy, key, "input"), tokens(strategy, key, "output"),
                Counter.builder("ponder_dollars").description("dollars of every internal call").tags("strategy", strategy, "key", key)
                        .register(registry),
                Counter.builder("ponder_attempts").description("tries of every internal call, retries and fallbacks included")
                        .tags("strategy", strategy, "key", key).register(registry)));
        m.input().increment(s.used().inputTokens());
        m.output().increment(s.used().outputTokens());
        m.dollars().increment(s.used().dollars());
        m.attempts().increment(s.attempts());
    }

    private Counter tokens(String strategy, String key, String kind) {
        return Counter.builder("ponder_tokens").description("tokens of every internal call").tags("strategy", strategy, "key", key, "kind", kind)
                .register(registry);
    }

    /** The Prometheus text exposition. */
    public String scrape() { return registry.scrape(); }

    @Override
    public void close() { registry.close(); }
}
