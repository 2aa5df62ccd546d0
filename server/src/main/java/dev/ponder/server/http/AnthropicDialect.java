package dev.ponder.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.server.api.AnthropicJson;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.api.MessagesParser;
import dev.ponder.server.chat.Reply;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}): the body checked field by field ({@link MessagesParser}); the
 * answer one message, or Anthropic's events when {@code stream} is set; errors as
 * {@code {"type": "error", "error": {type, message}}} with the matching status. The key may come as {@code x-api-key}.
 */
enum AnthropicDialect implements Dialect {
    INSTANCE;

    @Override
    public ChatRequest parse(JsonNode body) { return MessagesParser.parse(body); }

    @Override
    public Reply reply(FrontCall call, ChatRequest request) {
        return request.stream() ? new MessagesStream(call, request.model()) : new MessagesJsonReply(call, request.model());
    }

    @Override
    public void refuse(FrontCall call, ApiError error) { error(call, error); }

    @Override
    public String idPrefix(ChatRequest request) { return "msg_"; }

    /** An error in Anthropic's format, with its status. */
    static void error(FrontCall call, ApiError e) {
        if (!Exchanges.json(call, e.status(), AnthropicJson.error(e), e.headers())) Exchanges.error(call, e); // logs that the response was under way
    }
}
