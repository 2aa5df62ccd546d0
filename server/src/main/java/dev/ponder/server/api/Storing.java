package dev.ponder.server.api;

import java.util.Map;

/**
 * OpenAI's stored completions: {@code store: true} keeps the request and its answer (and {@code metadata}, up to 16
 * string pairs) for {@code GET /v1/chat/completions/{id}} and {@code ponder export}. {@code store} does not go upstream; {@code metadata} does.
 */
public record Storing(boolean store, Map<String, String> metadata) {
    public static final Storing NO = new Storing(false, Map.of());

    public Storing {
        metadata = Map.copyOf(metadata);
    }
}
