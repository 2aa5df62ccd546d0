package dev.ponder.server.config;

import dev.ponder.core.backend.PriceCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Everything the proxy runs with. With no config file: 127.0.0.1, no keys, the default banks by replay, an in-memory
 * ledger. {@code ledger} is a file path (relative to {@code baseDir}) or a {@code postgres://} URL.
 */
public record ProxyConfig(String host, int port, int maxBodyBytes, List<Path> banks, List<UpstreamConfig> upstreams,
                          List<KeyConfig> keys, Optional<String> ledger, Path baseDir, PriceCatalogue prices, Duration cooldown,
                          int traceCapacity, InstantSource clock, RandomGenerator random, Optional<RouterConfig> router,
                          Transport transport) {
    public ProxyConfig {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(router, "router");
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
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
    }

    /** Without a router (the {@code auto} model is then refused). */
    public ProxyConfig(String host, int port, int maxBodyBytes, List<Path> banks, List<UpstreamConfig> upstreams, List<KeyConfig> keys,
                       Optional<String> ledger, Path baseDir, PriceCatalogue prices, Duration cooldown, int traceCapacity,
                       InstantSource clock, RandomGenerator random) {
        this(host, port, maxBodyBytes, banks, upstreams, keys, ledger, baseDir, prices, cooldown, traceCapacity, clock, random, Optional.empty(), Transport.AUTO);
    }

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BODY = 4 << 20;

    /** The no-config mode: loopback only, no keys, the given banks. */
    public static ProxyConfig banksOnly(List<Path> banks, int port) {
        return new ProxyConfig("127.0.0.1", port, DEFAULT_MAX_BODY, banks, List.of(), List.of(), Optional.empty(), Path.of(""),
                PriceCatalogue.shipped(), Duration.ofSeconds(30), 1000, InstantSource.system(), new java.util.SplittableRandom());
    }

    public ProxyConfig withHost(String h) {
        return new ProxyConfig(h, port, maxBodyBytes, banks, upstreams, keys, ledger, baseDir, prices, cooldown, traceCapacity, clock, random, router, transport);
    }

    public ProxyConfig withPort(int p) {
        return new ProxyConfig(host, p, maxBodyBytes, banks, upstreams, keys, ledger, baseDir, prices, cooldown, traceCapacity, clock, random, router, transport);
    }

    public ProxyConfig withClock(InstantSource c, RandomGenerator r) {
        return new ProxyConfig(host, port, maxBodyBytes, banks, upstreams, keys, ledger, baseDir, prices, cooldown, traceCapacity, c, r, router, transport);
    }

    public ProxyConfig withRouter(RouterConfig r) {
        return new ProxyConfig(host, port, maxBodyBytes, banks, upstreams, keys, ledger, baseDir, prices, cooldown, traceCapacity, clock, random,
                Optional.of(r), transport);
    }

    public ProxyConfig withTransport(Transport t) {
        return new ProxyConfig(host, port, maxBodyBytes, banks, upstreams, keys, ledger, baseDir, prices, cooldown, traceCapacity, clock, random,
                router, t);
    }
}
