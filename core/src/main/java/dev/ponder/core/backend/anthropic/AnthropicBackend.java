package dev.ponder.core.backend.anthropic;

import dev.ponder.core.backend.StreamingBackend;

/**
 * A backend over Anthropic's Messages API ({@code POST /v1/messages}), streamed or not: n samples are n requests in
 * parallel (the API has no n); tool calls, extended thinking and usage are read; {@code think@T} gets the API's own
 * thinking budget. Retries, backoff, Retry-After, statuses and the event-stream reader are the ones every upstream call
 * uses. It owns an HTTP client: close it when done. See {@code docs/anthropic-backend.md}.
 */
public interface AnthropicBackend extends StreamingBackend, AutoCloseable {

    /** Stops the HTTP client: its connections close and calls still in flight fail. */
    @Override
    void close();

    static AnthropicBackend create(AnthropicConfig config) { return new HttpAnthropicBackend(config); }
}
