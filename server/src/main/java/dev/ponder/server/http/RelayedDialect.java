package dev.ponder.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.api.Operation;
import dev.ponder.server.api.RelayedRequestParser;
import dev.ponder.server.chat.Reply;

/**
 * OpenAI's plain completions and embeddings, relayed to an upstream as written: the body checked as far as the proxy
 * needs it ({@link RelayedRequestParser}), the upstream's answer passed back with the proxy's usage and {@code ponder}
 * fields, a streamed completion passed through chunk by chunk; errors in OpenAI's format.
 */
enum RelayedDialect implements Dialect {
    COMPLETIONS(Operation.COMPLETION), EMBEDDINGS(Operation.EMBEDDING);

    private final Operation operation;

    RelayedDialect(Operation operation) { this.operation = operation; }

    @Override
    public ChatRequest parse(JsonNode body) {
        return operation == Operation.COMPLETION ? RelayedRequestParser.completion(body) : RelayedRequestParser.embedding(body);
    }

    @Override
    public Reply reply(FrontCall call, ChatRequest request) {
        return request.stream() ? new SseReply(call, request.model(), request.includeUsage()) : new JsonReply(call);
    }

    @Override
    public void refuse(FrontCall call, ApiError error) { Exchanges.error(call, error); }

    /** A plain completion's answer is {@code cmpl-} and the trace id; an embedding keeps the upstream's id. */
    @Override
    public String idPrefix(ChatRequest request) { return operation == Operation.COMPLETION ? "cmpl-" : ""; }
}
