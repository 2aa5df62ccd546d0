package dev.ponder.core.telemetry;

import dev.ponder.core.model.Usage;
import io.opentelemetry.api.trace.Span;

/** Tokens and dollars on a span, the same way on every kind. */
final class Usages {
    private Usages() { }

    static void set(Span span, Usage u) {
        span.setAttribute(Keys.INPUT_TOKENS, u.inputTokens()).setAttribute(Keys.OUTPUT_TOKENS, u.outputTokens())
                .setAttribute(Keys.COST, u.dollars());
    }
}
