package dev.ponder.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.api.ChatRequestParser;
import dev.ponder.server.chat.Reply;

/**
 * OpenAI's chat completions ({@code POST /v1/chat/completions}): the body checked field by field
 * ({@link ChatRequestParser}); the answer one JSON body, or chunks as server-sent events when {@code stream} is set;
 * errors as {@code {"error": {message, type, param, code}}}.
 */
enum OpenAiDialect implements Dialect {
    INSTANCE;

    @Override
    public ChatRequest parse(JsonNode body) { return ChatRequestParser.parse(body); }

    @Override
    public Reply reply(FrontCall call, ChatRequest request) {
        return request.stream() ? new SseReply(call, request.model(), request.includeUsage()) : new JsonReply(call);
    }

    @Override
    public void refuse(FrontCall call, ApiError error) { Exchanges.error(call, error); }
}
