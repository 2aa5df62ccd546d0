package dev.ponder.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Delta;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.Completions;
import dev.ponder.server.chat.Outcome;
import dev.ponder.server.chat.Reply;
import java.util.HashSet;
import java.util.Set;

/**
 * A streamed reply as server-sent events in OpenAI's chunk format. Headers go out with the first event. Text that
 * was not streamed live (replay, voting) is sent as content chunks at the end; progress goes as SSE comments, which
 * clients ignore. The stream ends with {@code data: [DONE]}, or, after a failure, with an error event.
 */
final class SseReply implements Reply {
    private static final int PIECE = 48;
    private final FrontCall ex;
    private final EventOut wire;
    private final String model;
    private final boolean includeUsage;
    private final Set<Integer> opened = new HashSet<>();
    private String id = "pending";

    SseReply(FrontCall ex, String model, boolean includeUsage) {
        this.ex = ex;
        this.wire = new EventOut(ex);
        this.model = model;
        this.includeUsage = includeUsage;
    }

    @Override
    public synchronized void trace(String traceId) { id = traceId; }

    @Override
    public synchronized void delta(Delta d) {
        String field = d.channel() == Delta.Channel.REASONING ? "reasoning_content" : "content";
        event(Completions.delta(id, model, System.currentTimeMillis() / 1000, d.choice(), field, d.text(), opened.add(d.choice())));
    }

    @Override
    public synchronized void comment(String text) { write(": " + text.replace('\n', ' ') + "\n\n"); }

    @Override
    public synchronized void finish(Outcome o, boolean textAlreadyStreamed) {
        for (Outcome.Choice c : o.choices()) {
            if (!textAlreadyStreamed) {
                pieces(c.index(), "reasoning_content", c.reasoning(), o);
                pieces(c.index(), "content", c.text(), o);
            }
            if (!c.toolCalls().isEmpty()) event(Completions.toolCallsChunk(o, c, opened.add(c.index())));
            if (opened.add(c.index())) event(Completions.delta(id, model, o.created(), c.index(), "content", "", true));
        }
        for (int i = 0; i < o.choices().size(); i++) {
            ObjectNode f = Completions.finishChunk(o, o.choices().get(i));
            if (!includeUsage && i == o.choices().size() - 1) f.set("ponder", Completions.ponder(o));
            event(f);
        }
        if (includeUsage) event(Completions.usageChunk(o));
        write("data: [DONE]\n\n");
        close();
    }

    @Override
    public synchronized void fail(ApiError error) {
        if (!wire.started()) {
            Exchanges.error(ex, error);
            return;
        }
        wire.writeIfListened("data: " + error.toJson() + "\n\n");
        close();
    }

    @Override
    public synchronized void passthrough(ObjectNode json) { event(json); }

    @Override
    public void passthroughBody(byte[] json) {
        throw new IllegalStateException("a stream takes passed-through chunks, not a whole body");
    }

    @Override
    public synchronized void passthroughDone() {
        write("data: [DONE]\n\n");
        close();
    }

    private void pieces(int index, String field, String text, Outcome o) {
        int at = 0;
        while (at < text.length()) {
            int end = Math.min(text.length(), at + PIECE);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) end++;
            event(Completions.delta(id, model, o.created(), index, field, text.substring(at, end), opened.add(index)));
            at = end;
        }
    }

    private void event(ObjectNode chunk) { write("data: " + chunk + "\n\n"); }

    private void write(String s) { wire.write(s); }

    private void close() { wire.end(); }

    @Override
    public void release() { ex.release(); }
}
