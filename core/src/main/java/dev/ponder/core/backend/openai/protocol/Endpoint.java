package dev.ponder.core.backend.openai.protocol;

/** The two OpenAI endpoints the backend calls. */
public enum Endpoint {
    CHAT("/chat/completions"),
    COMPLETIONS("/completions");

    private final String path;

    Endpoint(String path) { this.path = path; }

    /** The path under the API root, e.g. {@code /chat/completions}. */
    public String path() { return path; }
}
