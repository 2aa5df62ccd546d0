package dev.ponder.core.backend;

import dev.ponder.core.model.Usage;

/**
 * A backend that can also continue a raw prompt ({@code /v1/completions}): no chat template, the model writes on from
 * the last character. Budget forcing ({@code think@T}) uses it to end or extend a chain of thought exactly where it
 * wants. Strategies ask for it with {@code backend instanceof CompletionBackend}, through the session.
 */
public interface CompletionBackend extends Backend {

    /** {@code request.n()} continuations of the prompt, or throws. */
    Generated complete(CompletionRequest request);

    /** The most a completion can cost, reserved against the budget before the call. */
    Usage worstCase(CompletionRequest request);
}
