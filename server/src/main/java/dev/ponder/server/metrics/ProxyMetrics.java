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
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;

/**
 * Prometheus metrics per strategy and key: requests (with status), latency, tokens (input, output), dollars and the
 * upstream tries behind them, all internal calls included. Key ids are the configured ids, never secrets.
 */
public final class ProxyMetrics implements RequestObserver, AutoCloseable {
    private static final int STATUSES = 600;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private record Spent(Counter input, Counter output, Counter dollars, Counter attempts) {}

    // each family's meters by strategy, then key, then (requests) status: found without making a key object per request
    private final Map<String, Map<String, AtomicReferenceArray<Counter>>> requests = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Timer>> latencies = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Spent>> spent = new ConcurrentHashMap<>();
    private final BiFunction<String, String, AtomicReferenceArray<Counter>> newStatuses = (s, k) -> new AtomicReferenceArray<>(STATUSES);
    private final BiFunction<String, String, Timer> newTimer = (s, k) -> Timer.builder("ponder_request_latency")
            .description("time to the last byte of a chat completion").tags("strategy", s, "key", k).publishPercentileHistogram().register(registry);
    private final BiFunction<String, String, Spent> newSpent = (s, k) -> new Spent(tokens(s, k, "input"), tokens(s, k, "output"),
            Counter.builder("ponder_dollars").description("dollars of every internal call").tags("strategy", s, "key", k).register(registry),
            Counter.builder("ponder_attempts").description("tries of every internal call, retries and fallbacks included")
                    .tags("strategy", s, "key", k).register(registry));

    @Override
    public void answered(String strategy, String key, int status, Duration latency) {
        AtomicReferenceArray<Counter> byStatus = of(requests, strategy, key, newStatuses);
        boolean kept = status >= 0 && status < STATUSES;
        Counter c = kept ? byStatus.get(status) : null;
        if (c == null) {
            c = Counter.builder("ponder_requests").description("chat completion requests")
                    .tags("strategy", strategy, "key", key, "status", Integer.toString(status)).register(registry);
            if (kept) byStatus.set(status, c);
        }
        c.increment();
        of(latencies, strategy, key, newTimer).record(latency);
    }

    @Override
    public void settled(Settled s) {
        Spent m = of(spent, s.target().strategy().name(), s.caller().id(), newSpent);
        m.input().increment((double) s.used().inputTokens());
        m.output().increment((double) s.used().outputTokens());
        m.dollars().increment(s.used().dollars());
        m.attempts().increment(s.attempts());
    }

    private static <T> T of(Map<String, Map<String, T>> family, String strategy, String key, BiFunction<String, String, T> make) {
        Map<String, T> byKey = family.get(strategy);
        if (byKey == null) byKey = family.computeIfAbsent(strategy, s -> new ConcurrentHashMap<>());
        T m = byKey.get(key);
        return m != null ? m : byKey.computeIfAbsent(key, k -> make.apply(strategy, k));
    }

    private Counter tokens(String strategy, String key, String kind) {
        return Counter.builder("ponder_tokens").description("tokens of every internal call").tags("strategy", strategy, "key", key, "kind", kind)
                .register(registry);
    }

    /** The registry, for meters of the proxy's other parts (live calibration's). */
    public io.micrometer.core.instrument.MeterRegistry registry() { return registry; }

    /** The Prometheus text exposition. */
    public String scrape() { return registry.scrape(); }

    @Override
    public void close() { registry.close(); }
}
