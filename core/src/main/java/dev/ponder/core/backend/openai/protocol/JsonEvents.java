package dev.ponder.core.backend.openai.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.error.PonderException.Kind;

/**
 * What every reader of a stream of JSON events shares, whichever API's events they are: each event is counted and
 * parsed (a malformed one fails the call, naming its number), whether output already reached the caller is kept (a
 * failure after that is not retried), and failures name the endpoint.
 */
public abstract class JsonEvents implements SseStream.Events {
    private final String where;
    private final String unit;
    private boolean delivered;
    private int count;

    /** Events read from {@code where} (an endpoint, for messages), each called a {@code unit} ({@code chunk}, {@code event}). */
    protected JsonEvents(String where, String unit) {
        this.where = where;
        this.unit = unit;
    }

    /** Takes one parsed event; {@code data} is its text as it came. */
    protected abstract void event(JsonNode event, String data);

    @Override
    public final boolean delivered() { return delivered; }

    @Override
    public final void accept(String data) {
        count++;
        JsonNode e = SseStream.object(data)
                .orElseThrow(() -> fail(Kind.BAD_UPSTREAM_RESPONSE, "malformed JSON in stream " + unit + " " + count + ": " + SseStream.preview(data)));
        event(e, data);
    }

    /** Records that output reached the caller. */
    protected final void markDelivered() { delivered = true; }

    /** How many events were read so far. */
    protected final int count() { return count; }

    /** A failure of the call from {@code where}, marked as having delivered output when it had. */
    protected final PonderException fail(Kind kind, String message) {
        return new PonderException(kind, where + ": " + message, null, null, delivered);
    }
}
