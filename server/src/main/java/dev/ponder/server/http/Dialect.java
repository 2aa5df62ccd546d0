package dev.ponder.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.chat.Reply;

/**
 * A wire format for chat completions over the one pipeline: how a request body is read into a {@link ChatRequest}
 * (a refusal: an {@code ApiFailure} naming the field), how the answer is written, and how a refusal is. Another
 * dialect (Anthropic's {@code /v1/messages}, say) is one more implementation and one more entry in
 * {@link HttpFront}'s chat routes; admission, execution and settlement stay as they are.
 */
interface Dialect {

    ChatRequest parse(JsonNode body);

    /** Where the answer to {@code request} goes: a whole body, or events as it is produced. */
    Reply reply(FrontCall call, ChatRequest request);

    /** A request refused before the pipeline saw it (method, key, body). */
    void refuse(FrontCall call, ApiError error);

    /** What the answer's id is, before the trace id ({@code chatcmpl-}); empty when the answer keeps the upstream's id. */
    default String idPrefix(ChatRequest request) { return "chatcmpl-"; }
}
