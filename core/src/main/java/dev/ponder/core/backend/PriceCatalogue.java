package dev.ponder.core.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.json.JsonErrors;
import dev.ponder.core.json.TextFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Model prices from a JSON file a user can edit: {@code {"models": {"gpt-4o-mini": {"input": 0.15, "output": 0.6}}}}
 * (dollars per million tokens). The shipped catalogue is {@code prices.json} in this package's resources.
 * A model name matches exactly, else by its longest catalogue prefix (so {@code gpt-4o-mini-2024-07-18} finds
 * {@code gpt-4o-mini}).
 */
public final class PriceCatalogue {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Price> prices;

    public PriceCatalogue(Map<String, Price> prices) { this.prices = Map.copyOf(prices); }

    public static PriceCatalogue empty() { return new PriceCatalogue(Map.of()); }

    public static PriceCatalogue shipped() {
        try (InputStream in = PriceCatalogue.class.getResourceAsStream("prices.json")) {
            if (in == null) throw new IllegalStateException("prices.json missing from the classpath");
            return parse(JSON.readTree(in), "built-in prices.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PriceCatalogue load(Path file) {
        try {
            return parse(JSON.readTree(TextFiles.read(file, "price catalogue")), file.toString());
        } catch (JsonProcessingException e) {
            throw new PonderException(PonderException.Kind.INVALID_INPUT, "price catalogue " + file + ":" + JsonErrors.where(e)
                    + ": not valid JSON: " + JsonErrors.what(e), e);
        }
    }

    static PriceCatalogue parse(JsonNode root, String where) {
        JsonNode models = root.path("models");
        if (!models.isObject()) throw PonderException.invalid("%s: expected an object field \"models\"", where);
        Map<String, Price> out = new LinkedHashMap<>();
        for (var e : models.properties()) {
            JsonNode in = e.getValue().get("input");
            JsonNode outp = e.getValue().get("output");
            if (in == null || !in.isNumber() || outp == null || !outp.isNumber()) {
                throw PonderException.invalid("%s: models.%s needs numeric \"input\" and \"output\" (dollars per million tokens)", where, e.getKey());
            }
            try {
                out.put(e.getKey(), new Price(in.asDouble(), outp.asDouble()));
            } catch (IllegalArgumentException ex) {
                throw PonderException.invalid("%s: models.%s: %s", where, e.getKey(), ex.getMessage());
            }
        }
        return new PriceCatalogue(out);
    }

    public Optional<Price> find(String model) {
        Price p = prices.get(model);
        if (p != null) return Optional.of(p);
        String best = null;
        for (String k : prices.keySet()) {
            if (model.startsWith(k) && (best == null || k.length() > best.length())) best = k;
        }
        return Optional.ofNullable(best).map(prices::get);
    }

    public Price priceOf(String model) { return find(model).orElse(Price.FREE); }

    public Map<String, Price> all() { return prices; }
}
