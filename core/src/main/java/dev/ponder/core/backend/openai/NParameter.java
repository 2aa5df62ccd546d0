package dev.ponder.core.backend.openai;

/**
 * Whether the server honours {@code n} > 1 (OpenAI and vLLM do; llama.cpp rejects it; Ollama ignores it).
 * The result is always {@code n} generations: when the server gives fewer, the rest come from parallel requests.
 */
public enum NParameter {
    /** Send {@code n}; if the server returns fewer choices or rejects {@code n}, remember that and fan out. */
    AUTO,
    /** Send {@code n} and trust it: fewer choices than asked is a bad upstream response. */
    HONOURED,
    /** Never send {@code n}: always {@code n} parallel requests of one choice each. */
    IGNORED
}
