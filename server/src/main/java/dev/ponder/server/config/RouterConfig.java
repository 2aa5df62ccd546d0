package dev.ponder.server.config;

import dev.ponder.core.route.Knob;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The router behind the {@code auto} model: a trained router file ({@code ponder route train}), the cost-quality knob,
 * and which served target runs each of the router's tiers ({@code single:gpt-4o-mini -> gpt-4o-mini},
 * {@code vote@8:cheap -> vote@8:gpt-4o-mini}). A tier without an entry runs the proxy model named like the tier.
 */
public record RouterConfig(Path model, Knob knob, Map<String, String> tiers) {
    public RouterConfig {
        Objects.requireNonNull(model, "router model file");
        Objects.requireNonNull(knob, "router knob");
        tiers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tiers));
    }
}
