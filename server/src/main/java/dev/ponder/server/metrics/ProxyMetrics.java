package dev.ponder.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * Prometheus metrics per strategy and key: requests (with status), latency, tokens (input, output) and dollars,
 * all internal calls included. Key ids are the configured ids, never secrets.
 */
public final class ProxyMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public void request(String strategy, String key, int status, Duration latency) {
        Counter.builder("ponder_requests").description("chat completion requests")
                .tags("strategy", strategy, "key", key, "status", Integer.toString(status)).register(registry).increment();
        Timer.builder("ponder_request_latency").description("time to the last byte of a chat completion")
                .tags("strategy", strategy, "key", key).publishPercentileHistogram().register(registry).record(latency);
    }

    public void usage(String strategy, String key, long input, long output, double dollars) {
        Counter.builder("ponder_tokens").description("tokens of every internal call").tags("strategy", strategy, "key", key, "kind", "input")
                .register(registry).increment(input);
        Counter.builder("ponder_tokens").description("tokens of every internal call").tags("strategy", strategy, "key", key, "kind", "output")
                .register(registry).increment(output);
        Counter.builder("ponder_dollars").description("dollars of every internal call").tags("strategy", strategy, "key", key)
                .register(registry).increment(dollars);
    }

    /** The Prometheus text exposition. */
    public String scrape() { return registry.scrape(); }
}
