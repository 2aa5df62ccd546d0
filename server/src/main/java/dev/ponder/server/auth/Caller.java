package dev.ponder.server.auth;

import dev.ponder.core.error.PonderException;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.config.KeyConfig;
import java.util.Optional;

/** Who is calling: a configured key, or anonymous when the proxy has no keys (no-config mode). */
public record Caller(String id, Optional<KeyConfig> key) {
    public static final Caller ANONYMOUS = new Caller("anonymous", Optional.empty());

    /** 403 when this key may not use the model. */
    public void mayUse(String model) {
        if (key.isPresent() && !key.get().models().isEmpty() && !key.get().models().contains(model)) {
            throw ApiFailure.of(PonderException.Kind.FORBIDDEN, "model_not_allowed", "key " + id + " may not use model " + model
                    + "; it may use: " + String.join(", ", key.get().models().stream().sorted().toList())).withParam("model");
        }
    }
}
