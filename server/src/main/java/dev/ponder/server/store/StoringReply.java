package dev.ponder.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Delta;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.chat.Outcome;
import dev.ponder.server.chat.Reply;

/**
 * A reply that passes everything on and keeps the answer for its stored completion, which is kept as the answer goes
 * out (so a client's GET right after its answer finds it; the request was settled before), or when the reply is released.
 */
record StoringReply(Reply out, Pending pending, StoredCompletions store) implements Reply {

    @Override
    public void trace(String traceId) { out.trace(traceId); }

    @Override
    public void delta(Delta delta) { out.delta(delta); }

    @Override
    public void comment(String text) { out.comment(text); }

    @Override
    public void finish(Outcome outcome, boolean textAlreadyStreamed) {
        pending.finished(outcome);
        store.done(pending);
        out.finish(outcome, textAlreadyStreamed);
    }

    @Override
    public void fail(ApiError error) {
        pending.failed();
        out.fail(error);
    }

    @Override
    public void passthrough(ObjectNode chunk) {
        pending.chunk(chunk);
        out.passthrough(chunk);
    }

    @Override
    public void passthroughBody(byte[] json) {
        pending.body(StoredCompletions.parse(json));
        store.done(pending);
        out.passthroughBody(json);
    }

    @Override
    public void passthroughDone() {
        store.done(pending);
        out.passthroughDone();
    }

    @Override
    public void release() {
        try {
            out.release();
        } finally {
            store.done(pending);
        }
    }
}
