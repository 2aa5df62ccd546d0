package dev.ponder.server.config;

import dev.ponder.core.backend.PriceCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the proxy runs with. {@code ledger} is a file path (relative to {@code baseDir}) or a {@code postgres://}
 * URL; without one the ledger is in memory. Build with {@link #builder()}, whose defaults are the proxy's (the config
 * file starts from them too): 127.0.0.1:8080, 4 MiB bodies, no banks, upstreams or keys, the shipped prices, 30 s
 * cooldown, 1000 traces kept, no router (the {@code auto} model is then refused), the fastest transport, at most 64
 * samples a strategy run, unpriced models served (with a warning), no checker, no calibration section, stored
 * completions beside a ledger file, no telemetry. Time and randomness are not configuration: {@code ProxyServer.start}
 * takes them. {@code stored} is where requests with {@code store: true} are kept (a file relative to {@code baseDir};
 * absent: beside the ledger file, or in memory).
 */
public record ProxyConfig(String host, int port, int maxBodyBytes, List<Path> banks, List<UpstreamConfig> upstreams,
                          List<KeyConfig> keys, Optional<String> ledger, Path baseDir, PriceCatalogue prices, Duration cooldown,
                          int traceCapacity, Optional<RouterConfig> router, Transport transport, int maxSamples, boolean requirePrices,
                          Optional<String> checker, Optional<CalibrationConfig> calibration, Optional<String> stored,
                          Optional<TelemetryConfig> telemetry) {
    public static final int DEFAULT_PORT = 8080;
    /** The most samples one strategy run may draw unless the config says otherwise. */
    public static final int DEFAULT_MAX_SAMPLES = 64;

    public ProxyConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be in 0..65535, was " + port);
        if (maxBodyBytes < 1024) throw new IllegalArgumentException("max body bytes must be >= 1024, was " + maxBodyBytes);
        banks = List.copyOf(banks);
        upstreams = List.copyOf(upstreams);
        keys = List.copyOf(keys);
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(baseDir, "baseDir");
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(cooldown, "cooldown");
        if (traceCapacity < 1) throw new IllegalArgumentException("trace capacity must be >= 1, was " + traceCapacity);
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(transport, "transport");
        if (maxSamples < 1) throw new IllegalArgumentException("max samples must be >= 1, was " + maxSamples);
        Objects.requireNonNull(checker, "checker");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(telemetry, "telemetry");
    }

    public static Builder builder() { return new Builder(); }

    /** The no-config mode: loopback only, no keys, the given banks. */
    public static ProxyConfig banksOnly(List<Path> banks, int port) { return builder().banks(banks).port(port).build(); }

    /** A builder holding this configuration, to change a part of it. */
    public Builder toBuilder() {
        return builder().host(host).port(port).maxBodyBytes(maxBodyBytes).banks(banks).upstreams(upstreams).keys(keys).ledger(ledger)
                .baseDir(baseDir).prices(prices).cooldown(cooldown).traceCapacity(traceCapacity).router(router).transport(transport)
                .maxSamples(maxSamples).requirePrices(requirePrices).checker(checker).calibration(calibration).stored(stored)
                .telemetry(telemetry);
    }

    /** The proxy's defaults, each written here only; see {@link ProxyConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private int maxBodyBytes = 4 << 20;
        private List<Path> banks = List.of();
        private List<UpstreamConfig> upstreams = List.of();
        private List<KeyConfig> keys = List.of();
        private Optional<String> ledger = Optional.empty();
        private Path baseDir = Path.of("");
        private PriceCatalogue prices = PriceCatalogue.shipped();
        private Duration cooldown = Duration.ofSeconds(30);
        private int traceCapacity = 1000;
        private Optional<RouterConfig> router = Optional.empty();
        private Transport transport = Transport.AUTO;
        private int maxSamples = DEFAULT_MAX_SAMPLES;
        private boolean requirePrices;
        private Optional<String> checker = Optional.empty();
        private Optional<CalibrationConfig> calibration = Optional.empty();
        private Optional<String> stored = Optional.empty();
        private Optional<TelemetryConfig> telemetry = Optional.empty();

        private Builder() {}

        public Builder host(String h) { host = h; return this; }
        public Builder port(int p) { port = p; return this; }
        public Builder maxBodyBytes(int b) { maxBodyBytes = b; return this; }
        public Builder banks(List<Path> b) { banks = b; return this; }
        public Builder upstreams(List<UpstreamConfig> u) { upstreams = u; return this; }
        public Builder keys(List<KeyConfig> k) { keys = k; return this; }
        /** A ledger file (relative to the base folder) or a {@code postgres://} URL. */
        public Builder ledger(String l) { ledger = Optional.of(l); return this; }
        public Builder ledger(Optional<String> l) { ledger = l; return this; }
        /** The folder a relative ledger path is resolved against (the config file's). */
        public Builder baseDir(Path d) { baseDir = d; return this; }
        public Builder prices(PriceCatalogue p) { prices = p; return this; }
        public Builder cooldown(Duration d) { cooldown = d; return this; }
        public Builder traceCapacity(int n) { traceCapacity = n; return this; }
        public Builder router(RouterConfig r) { router = Optional.of(r); return this; }
        public Builder router(Optional<RouterConfig> r) { router = r; return this; }
        public Builder transport(Transport t) { transport = t; return this; }
        /** The most samples one strategy run may draw ({@code vote@N} with a larger N is refused). */
        public Builder maxSamples(int n) { maxSamples = n; return this; }
        /** Refuse models missing from the price catalogue (at start for configured ones) instead of warning. */
        public Builder requirePrices(boolean r) { requirePrices = r; return this; }
        /** The checker every model's strategies use unless its upstream or the request names one (as {@code CheckerSpec} reads it). */
        public Builder checker(String c) { checker = Optional.of(c); return this; }
        public Builder checker(Optional<String> c) { checker = c; return this; }
        public Builder calibration(CalibrationConfig c) { calibration = Optional.of(c); return this; }
        public Builder calibration(Optional<CalibrationConfig> c) { calibration = c; return this; }
        /** Where stored completions go: a file relative to the base folder. */
        public Builder stored(String file) { stored = Optional.of(file); return this; }
        public Builder stored(Optional<String> file) { stored = file; return this; }
        /** OpenTelemetry traces over OTLP/HTTP; none by default. */
        public Builder telemetry(TelemetryConfig t) { telemetry = Optional.of(t); return this; }
        public Builder telemetry(Optional<TelemetryConfig> t) { telemetry = t; return this; }

        public ProxyConfig build() {
            return new ProxyConfig(host, port, maxBodyBytes, banks, upstreams, keys, ledger, baseDir, prices, cooldown, traceCapacity, router,
                    transport, maxSamples, requirePrices, checker, calibration, stored, telemetry);
        }
    }
}
