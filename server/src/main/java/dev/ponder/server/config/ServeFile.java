package dev.ponder.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.json.BadField;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The serve config file as Jackson binds it (commented example: config/ponder-serve.example.yaml). Each section is a
 * record, or a config record's file form, whose creator checks its values, so a bad value fails where it is bound
 * and {@link ConfigFile} can name its file, line and field. What a file leaves out keeps {@link ProxyConfig}'s default.
 */
record ServeFile(Server server, JsonNode banks, List<UpstreamConfig> upstreams, Map<String, PriceEntry> prices, List<KeyConfig> keys,
                 String ledger, RouterConfig router, Boolean requirePrices, String checker, CalibrationConfig calibration, String stored,
                 TelemetryConfig telemetry) {
    /** The ledger of a config with keys that names none, beside the config file. */
    static final String DEFAULT_LEDGER = "ponder-ledger.jsonl";

    ServeFile {
        if (banks != null && !banks.isNull() && !banks.asText().equals("default") && !banks.asText().equals("none")) {
            if (!banks.isArray()) throw new BadField("banks", "must be \"default\", \"none\" or a list of bank folders");
            for (int i = 0; i < banks.size(); i++) {
                if (!banks.get(i).isTextual()) throw new BadField("banks[" + i + "]", "must be a folder path");
            }
        }
        upstreams = entries("upstreams", upstreams);
        keys = entries("keys", keys);
        if (checker != null) checker = Checks.checker("checker", checker);
    }

    /** The {@code server} section. */
    record Server(String host, Long port, Long maxBodyBytes, Long cooldownSeconds, Long traceCapacity, Transport transport, Long maxSamples) {
        Server {
            Checks.whole("max_samples", maxSamples, 1, 100_000, 0);
            Checks.whole("port", port, 0, 65535, 0);
            Checks.whole("max_body_bytes", maxBodyBytes, 1024, Integer.MAX_VALUE, 0);
            Checks.whole("cooldown_seconds", cooldownSeconds, 0, 86_400, 0);
            Checks.whole("trace_capacity", traceCapacity, 1, 10_000_000, 0);
        }

        void applyTo(ProxyConfig.Builder b) {
            if (host != null) b.host(host);
            if (port != null) b.port(port.intValue());
            if (maxBodyBytes != null) b.maxBodyBytes(maxBodyBytes.intValue());
            if (cooldownSeconds != null) b.cooldown(Duration.ofSeconds(cooldownSeconds));
            if (traceCapacity != null) b.traceCapacity(traceCapacity.intValue());
            if (transport != null) b.transport(transport);
            if (maxSamples != null) b.maxSamples(maxSamples.intValue());
        }
    }

    /** A {@code prices} entry: dollars per million tokens in and out. */
    record PriceEntry(Double input, Double output) {
        PriceEntry {
            Checks.nonNegative("input", input, "is required");
            Checks.nonNegative("output", output, "is required");
        }
    }

    /** The configuration, relative paths resolved against {@code dir} (the file's folder). */
    ProxyConfig toConfig(Path dir, Supplier<List<Path>> defaultBanks) {
        ProxyConfig.Builder b = ProxyConfig.builder().baseDir(dir).banks(banks(dir, defaultBanks)).upstreams(upstreams).keys(keys)
                .prices(catalogue());
        if (server != null) server.applyTo(b);
        if (ledger != null) b.ledger(ledger);
        else if (!keys.isEmpty()) b.ledger(DEFAULT_LEDGER);
        if (router != null) b.router(router.resolvedIn(dir));
        if (requirePrices != null) b.requirePrices(requirePrices);
        if (checker != null) b.checker(checker);
        if (calibration != null) b.calibration(calibration.resolvedIn(dir));
        if (stored != null) b.stored(stored);
        if (telemetry != null) b.telemetry(telemetry);
        return b.build();
    }

    private List<Path> banks(Path dir, Supplier<List<Path>> defaults) {
        if (banks == null || banks.isNull() || banks.asText().equals("default")) return defaults.get();
        if (banks.asText().equals("none")) return List.of();
        List<Path> out = new ArrayList<>();
        for (JsonNode b : banks) out.add(dir.resolve(b.asText()));
        return out;
    }

    /** The shipped catalogue with the file's prices added (a file's price wins). */
    private PriceCatalogue catalogue() {
        if (prices == null) return PriceCatalogue.shipped();
        Map<String, Price> all = new LinkedHashMap<>(PriceCatalogue.shipped().all());
        prices.forEach((model, p) -> all.put(model, new Price(p.input(), p.output())));
        return new PriceCatalogue(all);
    }

    private static <T> List<T> entries(String field, List<T> list) {
        if (list == null) return List.of();
        for (int i = 0; i < list.size(); i++) if (list.get(i) == null) throw new BadField(field + "[" + i + "]", "must be a mapping");
        return List.copyOf(list);
    }
}
