package dev.ponder.core.backend.openai;

/** The two OpenAI endpoints this backend calls. */
enum Endpoint {
    CHAT("/chat/completions"),
    COMPLETIONS("/completions");

    final String path;

    Endpoint(String path) { this.path = path; }
}
