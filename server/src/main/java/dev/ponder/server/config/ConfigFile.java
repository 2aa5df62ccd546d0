package dev.ponder.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.route.Knob;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Reads the YAML config (commented example: config/ponder-serve.example.yaml). Every error names the file and the
 * field path ({@code keys[1].budget.dollars}). Unknown fields are errors, so a typo does not silently drop a limit.
 */
public final class ConfigFile {
    private static final YAMLMapper YAML = new YAMLMapper();

    private ConfigFile() {}

    public static ProxyConfig load(Path file, Supplier<List<Path>> defaultBanks) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw PonderException.invalid("cannot read config %s: %s", file, e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) throw PonderException.invalid("%s: the config must be a YAML mapping", file);
        Path dir = file.toAbsolutePath().getParent();
        Reader r = new Reader(file.toString());
        r.only(root, "", Set.of("server", "banks", "upstreams", "prices", "keys", "ledger", "router"));
        JsonNode server = root.path("server");
        r.only(server, "server", Set.of("host", "port", "max_body_bytes", "cooldown_seconds", "trace_capacity", "transport"));
        String host = r.text(server, "server.host").orElse("127.0.0.1");
        int port = r.integer(server, "server.port", 0, 65535).orElse((long) ProxyConfig.DEFAULT_PORT).intValue();
        int maxBody = r.integer(server, "server.max_body_bytes", 1024, Integer.MAX_VALUE).orElse((long) ProxyConfig.DEFAULT_MAX_BODY).intValue();
        Duration cooldown = Duration.ofSeconds(r.integer(server, "server.cooldown_seconds", 0, 86_400).orElse(30L));
        int traceCap = r.integer(server, "server.trace_capacity", 1, 10_000_000).orElse(1000L).intValue();
        Transport transport = r.text(server, "server.transport").map(t -> Transport.parse(t, r.where + ": server.transport")).orElse(Transport.AUTO);
        List<Path> banks = banks(r, root.path("banks"), dir, defaultBanks);
        PriceCatalogue prices = prices(r, root.path("prices"));
        List<UpstreamConfig> upstreams = new ArrayList<>();
        JsonNode ups = root.path("upstreams");
        for (int i = 0; i < ups.size(); i++) upstreams.add(upstream(r, ups.get(i), "upstreams[" + i + "]"));
        List<KeyConfig> keys = new ArrayList<>();
        JsonNode ks = root.path("keys");
        for (int i = 0; i < ks.size(); i++) keys.add(key(r, ks.get(i), "keys[" + i + "]"));
        Optional<String> ledger = r.text(root, "ledger");
        if (ledger.isEmpty() && !keys.isEmpty()) ledger = Optional.of("ponder-ledger.jsonl");
        return new ProxyConfig(host, port, maxBody, banks, upstreams, keys, ledger, dir, prices, cooldown, traceCap,
                InstantSource.system(), new SplittableRandom(), router(r, root.path("router"), dir), transport);
    }

    private static Optional<RouterConfig> router(Reader r, JsonNode n, Path dir) {
        if (n.isMissingNode() || n.isNull()) return Optional.empty();
        r.only(n, "router", Set.of("model", "knob", "tiers"));
        Path model = dir.resolve(r.text(n, "router.model").orElseThrow(() -> r.bad("router.model", "is required: a file from `ponder route train`")));
        JsonNode k = n.path("knob");
        r.only(k, "router.knob", Set.of("lambda", "target_cost", "strong_share"));
        if (k.size() != 1) throw r.bad("router.knob", "is required and takes exactly one of {lambda: X}, {target_cost: DOLLARS} or {strong_share: S}");
        Knob knob;
        try {
            knob = k.has("lambda") ? new Knob.Lambda(r.number(k, "router.knob.lambda").orElseThrow())
                    : k.has("target_cost") ? new Knob.TargetCost(r.number(k, "router.knob.target_cost").orElseThrow())
                    : new Knob.StrongShare(r.number(k, "router.knob.strong_share").orElseThrow());
        } catch (IllegalArgumentException e) {
            throw r.bad("router.knob", e.getMessage());
        }
        Map<String, String> tiers = new LinkedHashMap<>();
        JsonNode t = n.path("tiers");
        if (!t.isMissingNode() && !t.isObject()) throw r.bad("router.tiers", "must map the router's tier names to served targets");
        for (var e : t.properties()) {
            if (!e.getValue().isTextual()) throw r.bad("router.tiers." + e.getKey(), "must be a served model name, e.g. vote@8:gpt-4o-mini");
            tiers.put(e.getKey(), e.getValue().asText());
        }
        return Optional.of(new RouterConfig(model, knob, tiers));
    }

    private static List<Path> banks(Reader r, JsonNode b, Path dir, Supplier<List<Path>> defaults) {
        if (b.isMissingNode() || (b.isTextual() && b.asText().equals("default"))) return defaults.get();
        if (b.isTextual() && b.asText().equals("none")) return List.of();
        if (!b.isArray()) throw r.bad("banks", "must be \"default\", \"none\" or a list of bank folders");
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            if (!b.get(i).isTextual()) throw r.bad("banks[" + i + "]", "must be a folder path");
            out.add(dir.resolve(b.get(i).asText()));
        }
        return out;
    }

    private static PriceCatalogue prices(Reader r, JsonNode p) {
        Map<String, Price> all = new LinkedHashMap<>(PriceCatalogue.shipped().all());
        if (p.isMissingNode()) return new PriceCatalogue(all);
        if (!p.isObject()) throw r.bad("prices", "must map model names to {input, output} dollars per million tokens");
        for (var e : p.properties()) {
            String at = "prices." + e.getKey();
            r.only(e.getValue(), at, Set.of("input", "output"));
            double in = r.number(e.getValue(), at + ".input").orElseThrow(() -> r.bad(at + ".input", "is required"));
            double out = r.number(e.getValue(), at + ".output").orElseThrow(() -> r.bad(at + ".output", "is required"));
            all.put(e.getKey(), new Price(in, out));
        }
        return new PriceCatalogue(all);
    }

    private static UpstreamConfig upstream(Reader r, JsonNode u, String at) {
        r.only(u, at, Set.of("name", "base_url", "api_key_env", "models", "max_retries", "backoff_ms", "timeout_seconds", "answer"));
        String name = r.text(u, at + ".name").orElseThrow(() -> r.bad(at + ".name", "is required"));
        String url = r.text(u, at + ".base_url").orElseThrow(() -> r.bad(at + ".base_url", "is required (e.g. http://localhost:8000/v1)"));
        Map<String, String> models = new LinkedHashMap<>();
        JsonNode m = u.path("models");
        if (m.isArray()) {
            for (int i = 0; i < m.size(); i++) {
                if (!m.get(i).isTextual()) throw r.bad(at + ".models[" + i + "]", "must be a model name");
                models.put(m.get(i).asText(), m.get(i).asText());
            }
        } else if (m.isObject()) {
            for (var e : m.properties()) {
                if (!e.getValue().isTextual()) throw r.bad(at + ".models." + e.getKey(), "must be the upstream's model name");
                models.put(e.getKey(), e.getValue().asText());
            }
        } else {
            throw r.bad(at + ".models", "must list the models served (or map Ponder names to upstream names)");
        }
        try {
            return new UpstreamConfig(name, URI.create(url), r.text(u, at + ".api_key_env"), models,
                    r.integer(u, at + ".max_retries", 0, 100).orElse(2L).intValue(),
                    Duration.ofMillis(r.integer(u, at + ".backoff_ms", 1, 600_000).orElse(250L)),
                    Duration.ofSeconds(r.integer(u, at + ".timeout_seconds", 1, 86_400).orElse(600L)),
                    r.text(u, at + ".answer").orElse("exact"));
        } catch (IllegalArgumentException e) {
            throw r.bad(at, e.getMessage());
        }
    }

    private static KeyConfig key(Reader r, JsonNode k, String at) {
        r.only(k, at, Set.of("id", "sha256", "budget", "requests_per_minute", "tokens_per_minute", "models"));
        String id = r.text(k, at + ".id").orElseThrow(() -> r.bad(at + ".id", "is required (a name for metrics and the ledger)"));
        String sha = r.text(k, at + ".sha256").orElseThrow(() -> r.bad(at + ".sha256", "is required: ponder serve --hash-key SECRET prints it"));
        Optional<KeyConfig.DollarBudget> budget = Optional.empty();
        JsonNode b = k.path("budget");
        if (!b.isMissingNode()) {
            r.only(b, at + ".budget", Set.of("dollars", "period"));
            double d = r.number(b, at + ".budget.dollars").orElseThrow(() -> r.bad(at + ".budget.dollars", "is required"));
            Period p = Period.parse(r.text(b, at + ".budget.period").orElse("month"), r.where + ": " + at + ".budget.period");
            budget = Optional.of(new KeyConfig.DollarBudget(d, p));
        }
        OptionalInt rpm = r.integer(k, at + ".requests_per_minute", 1, Integer.MAX_VALUE).map(x -> OptionalInt.of(x.intValue())).orElse(OptionalInt.empty());
        OptionalLong tpm = r.integer(k, at + ".tokens_per_minute", 1, Long.MAX_VALUE).map(OptionalLong::of).orElse(OptionalLong.empty());
        Set<String> models = new HashSet<>();
        JsonNode ms = k.path("models");
        for (int i = 0; i < ms.size(); i++) models.add(ms.get(i).asText());
        try {
            return new KeyConfig(id, sha, budget, rpm, tpm, models);
        } catch (IllegalArgumentException e) {
            throw r.bad(at, e.getMessage());
        }
    }

    /** Typed field access with errors that say file and field. */
    private record Reader(String where) {
        PonderException bad(String field, String message) { return PonderException.invalid("%s: %s %s", where, field, message); }

        void only(JsonNode n, String at, Set<String> known) {
            if (n.isMissingNode() || n.isNull()) return;
            if (!n.isObject()) throw bad(at.isEmpty() ? "(top level)" : at, "must be a mapping");
            for (var e : n.properties()) {
                if (!known.contains(e.getKey())) throw bad((at.isEmpty() ? "" : at + ".") + e.getKey(), "is not a known field; known: " + known);
            }
        }

        Optional<String> text(JsonNode o, String path) {
            JsonNode v = o.path(last(path));
            if (v.isMissingNode() || v.isNull()) return Optional.empty();
            if (!v.isTextual()) throw bad(path, "must be a string");
            return Optional.of(v.asText());
        }

        Optional<Long> integer(JsonNode o, String path, long min, long max) {
            JsonNode v = o.path(last(path));
            if (v.isMissingNode() || v.isNull()) return Optional.empty();
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
                throw bad(path, "must be a whole number in " + min + ".." + max + ", was " + v);
            }
            return Optional.of(v.asLong());
        }

        Optional<Double> number(JsonNode o, String path) {
            JsonNode v = o.path(last(path));
            if (v.isMissingNode() || v.isNull()) return Optional.empty();
            if (!v.isNumber() || !(v.asDouble() >= 0)) throw bad(path, "must be a number >= 0, was " + v);
            return Optional.of(v.asDouble());
        }

        private static String last(String path) { return path.substring(path.lastIndexOf('.') + 1); }
    }
}
