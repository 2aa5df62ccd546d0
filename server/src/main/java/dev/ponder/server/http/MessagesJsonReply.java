package dev.ponder.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Delta;
import dev.ponder.core.error.PonderException;
import dev.ponder.server.api.AnthropicJson;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.chat.Outcome;
import dev.ponder.server.chat.Reply;
import java.io.IOException;

/** A non-streamed Messages reply: one message at the end, from the engine's outcome or a completion relayed as written. */
final class MessagesJsonReply implements Reply {
    private final FrontCall ex;
    private final String model;
    private String id = "pending";

    MessagesJsonReply(FrontCall ex, String model) {
        this.ex = ex;
        this.model = model;
    }

    @Override
    public void trace(String traceId) { id = traceId; }

    @Override
    public void delta(Delta delta) { }

    @Override
    public void comment(String text) { }

    @Override
    public void finish(Outcome outcome, boolean textAlreadyStreamed) { Exchanges.json(ex, 200, AnthropicJson.message(outcome)); }

    @Override
    public void fail(ApiError error) { AnthropicDialect.error(ex, error); }

    @Override
    public void passthrough(ObjectNode chunk) {
        throw new IllegalStateException("a non-streamed reply takes a whole body (passthroughBody), not stream chunks");
    }

    /** A chat completion the upstream wrote, as a message. */
    @Override
    public void passthroughBody(byte[] json) {
        try {
            Exchanges.json(ex, 200, AnthropicJson.message(id, model, Exchanges.JSON.readTree(json)));
        } catch (IOException e) {
            fail(ApiError.of(new PonderException(PonderException.Kind.BAD_UPSTREAM_RESPONSE, "the upstream's answer is not JSON: " + e.getMessage(), e)));
        }
    }

    @Override
    public void passthroughDone() { }

    @Override
    public void release() { ex.release(); }
}
