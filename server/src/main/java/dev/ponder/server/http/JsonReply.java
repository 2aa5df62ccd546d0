package dev.ponder.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Delta;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.Completions;
import dev.ponder.server.chat.Outcome;
import dev.ponder.server.chat.Reply;

/** A non-streamed reply in OpenAI's format: one JSON body at the end. */
final class JsonReply implements Reply {
    private final FrontCall ex;

    JsonReply(FrontCall ex) { this.ex = ex; }

    @Override
    public void delta(Delta delta) { }

    @Override
    public void comment(String text) { }

    @Override
    public void finish(Outcome outcome, boolean textAlreadyStreamed) { Exchanges.json(ex, 200, Completions.completion(outcome)); }

    @Override
    public void fail(ApiError error) { Exchanges.error(ex, error); }

    @Override
    public void passthrough(ObjectNode chunk) {
        throw new IllegalStateException("a non-streamed reply takes a whole body (passthroughBody), not stream chunks");
    }

    @Override
    public void passthroughBody(byte[] json) { Exchanges.send(ex, 200, "application/json", json); }

    @Override
    public void passthroughDone() { }

    @Override
    public void release() { ex.release(); }
}
