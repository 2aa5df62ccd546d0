package dev.ponder.server.api;

/**
 * Which OpenAI endpoint a request came in on: chat completions (the strategy engine's), or the two the proxy relays to
 * an upstream as written, with accounting, as gateways do: plain completions and embeddings.
 */
public enum Operation {
    CHAT("/chat/completions"), COMPLETION("/completions"), EMBEDDING("/embeddings");

    private final String path;

    Operation(String path) { this.path = path; }

    /** The path under the API root ({@code /v1}). */
    public String path() { return path; }
}
