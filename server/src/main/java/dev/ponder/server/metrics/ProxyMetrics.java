package dev.ponder.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus metrics per strategy and key: requests (with status), latency, tokens (input, output) and dollars,
 * all internal calls included. Key ids are the configured ids, never secrets.
 */
public final class ProxyMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    // the meters of each (strategy, key[, status]), looked up once: registering is a map lookup on a tag list per call
    private record Outcome(String strategy, String key, int status) {}
    private record Of(String strategy, String key) {}
    private record Spent(Counter input, Counter output, Counter dollars) {}
    private final Map<Outcome, Counter> requests = new ConcurrentHashMap<>();
    private final Map<Of, Timer> latencies = new ConcurrentHashMap<>();
    private final Map<Of, Spent> spent = new ConcurrentHashMap<>();

    public void request(String strategy, String key, int status, Duration latency) {
        requests.computeIfAbsent(new Outcome(strategy, key, status), o -> Counter.builder("ponder_requests").description("chat completion requests")
                .tags("strategy", strategy, "key", key, "status", Integer.toString(status)).register(registry)).increment();
        latencies.computeIfAbsent(new Of(strategy, key), o -> Timer.builder("ponder_request_latency")
                .description("time to the last byte of a chat completion")
                .tags("strategy", strategy, "key", key).publishPercentileHistogram().register(registry)).record(latency);
    }

    public void usage(String strategy, String key, long input, long output, double dollars) {
        Spent s = spent.computeIfAbsent(new Of(strategy, key), o -> new Spent(
                Counter.builder("ponder_tokens").description("tokens of every internal call").tags("strategy", strategy, "key", key, "kind", "input")
                        .register(registry),
                Counter.builder("ponder_tokens").description("tokens of every internal call").tags("strategy", strategy, "key", key, "kind", "output")
                        .register(registry),
                Counter.builder("ponder_dollars").description("dollars of every internal call").tags("strategy", strategy, "key", key)
                        .register(registry)));
        s.input().increment(input);
        s.output().increment(output);
        s.dollars().increment(dollars);
    }

    /** The Prometheus text exposition. */
    public String scrape() { return registry.scrape(); }
}
