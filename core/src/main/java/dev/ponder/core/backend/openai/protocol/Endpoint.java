package dev.ponder.core.backend.openai.protocol;

/** The two OpenAI endpoints the backend calls. */
public enum Endpoint {
    CHAT("/chat/completions", "chat"),
    COMPLETIONS("/completions", "text_completion");

    private final String path;
    private final String operation;

    Endpoint(String path, String operation) {
        this.path = path;
        this.operation = operation;
    }

    /** The GenAI conventions' name for a call to it ({@code gen_ai.operation.name}). */
    public String operation() { return operation; }

    /** The path under the API root, e.g. {@code /chat/completions}. */
    public String path() { return path; }
}
