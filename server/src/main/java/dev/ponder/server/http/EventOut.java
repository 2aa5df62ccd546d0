package dev.ponder.server.http;

import dev.ponder.core.error.PonderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The wire of a streamed reply, in any dialect: server-sent events whose headers go out with the first write (so a
 * request that fails before any output still gets a plain HTTP error), each write flushed; a client that has gone is a
 * {@code STREAM_BROKEN} failure with output delivered.
 */
final class EventOut {
    private final FrontCall ex;
    private boolean out;
    private boolean gone;

    EventOut(FrontCall ex) { this.ex = ex; }

    /** Whether anything was written (the response is under way). */
    boolean started() { return out; }

    void write(String s) {
        if (gone) throw clientGone();
        try {
            if (!out) {
                ex.startStream("Content-Type", "text/event-stream; charset=utf-8", "Cache-Control", "no-cache", "X-Accel-Buffering", "no");
                out = true;
            }
            ex.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            gone = true;
            throw clientGone();
        }
    }

    /** Writes {@code s} unless the client has gone (the end of a failed stream, which nobody may hear). */
    void writeIfListened(String s) {
        try {
            write(s);
        } catch (PonderException clientLeft) {
            // nobody is listening any more
        }
    }

    void end() { ex.endStream(); }

    private static PonderException clientGone() {
        return new PonderException(PonderException.Kind.STREAM_BROKEN, "the client closed the stream", null, null, true);
    }
}
