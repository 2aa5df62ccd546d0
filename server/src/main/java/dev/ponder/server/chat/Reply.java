package dev.ponder.server.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Delta;
import dev.ponder.server.api.ApiError;

/**
 * Where a chat completion goes as it is produced, in the dialect it was asked in: a JSON body at the end, or
 * server-sent events as it happens.
 * A streaming reply sends its headers with the first thing written, so a request that fails before any output
 * still gets a plain HTTP error.
 */
public interface Reply {

    /** The request's trace id (the response id), known before any output. */
    default void trace(String traceId) { }

    /** A piece of a choice's text (or reasoning) as the upstream produced it. */
    void delta(Delta delta);

    /** Progress for the caller (an SSE comment when streaming; dropped otherwise). */
    void comment(String text);

    /** The complete outcome: for a stream, the choices' remaining text, finish reasons, usage and [DONE]. */
    void finish(Outcome outcome, boolean textAlreadyStreamed);

    /** The request failed: an error response, or, once a stream has started, an error event that ends it. */
    void fail(ApiError error);

    /** One chunk of a passed-through stream, already in OpenAI's shape. */
    void passthrough(ObjectNode chunk);

    /** A passed-through non-streamed response body, already in OpenAI's shape, as JSON bytes. */
    void passthroughBody(byte[] json);

    /** The end of a passed-through stream. */
    void passthroughDone();

    /**
     * The pipeline is done with this reply (it has answered, or failed to): a stream still open is ended, and a reply
     * that sent nothing at all (a fault) still frees its connection. Called once, last.
     */
    void release();
}
