package dev.ponder.core.backend.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Delta;
import dev.ponder.core.backend.StreamListener;
import dev.ponder.core.backend.openai.protocol.JsonEvents;
import dev.ponder.core.backend.openai.protocol.RawResult;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.error.PonderException.Kind;
import dev.ponder.core.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Builds a streamed Messages API response from its events ({@code message_start}, {@code content_block_start} /
 * {@code _delta} / {@code _stop}, {@code message_delta}, {@code message_stop}, {@code ping}), handing text and thinking
 * to the listener as they come; a tool call's input is gathered from its {@code input_json_delta} pieces. Usage is
 * {@code message_start}'s, updated by each {@code message_delta} (whose counts are totals). An {@code error} event
 * fails the call as its type says (overloaded: unavailable, rate limited: rate limited); a stream that ends without
 * {@code message_stop} was cut.
 */
final class MessagesAssembler extends JsonEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int choice;
    private final StreamListener listener;
    private final TreeMap<Integer, Block> blocks = new TreeMap<>();
    private final ObjectNode usage = JSON.createObjectNode();
    private JsonNode stopReason = JSON.nullNode();
    private boolean stopped;

    /** One content block as it streams: its type, its text (or a tool call's input JSON so far) and a call's id and name. */
    private record Block(String type, StringBuilder text, String id, String name) { }

    MessagesAssembler(int choice, StreamListener listener, String where) {
        super(where, "event");
        this.choice = choice;
        this.listener = listener;
    }

    @Override
    protected void event(JsonNode e, String data) {
        switch (e.path("type").asText("")) {
            case "message_start" -> merge(e.path("message").path("usage"));
            case "content_block_start" -> start(e.path("index").asInt(blocks.size()), e.path("content_block"));
            case "content_block_delta" -> delta(e.path("index").asInt(0), e.path("delta"));
            case "message_delta" -> {
                if (e.path("delta").has("stop_reason")) stopReason = e.path("delta").path("stop_reason");
                merge(e.path("usage"));
            }
            case "message_stop" -> stopped = true;
            case "error" -> throw error(e.path("error"));
            default -> { } // ping, content_block_stop, and event types newer than this reader
        }
    }

    /** The finished response; a stream that ended without {@code message_stop} was cut. */
    RawResult finish() {
        if (!stopped) {
            throw fail(delivered() ? Kind.STREAM_BROKEN : Kind.UPSTREAM_UNAVAILABLE, "the stream ended after " + count() + " events without message_stop"
                    + (delivered() ? ", with output already delivered" : ""));
        }
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (Block b : blocks.values()) {
            switch (b.type()) {
                case "text" -> text.append(b.text());
                case "thinking" -> thinking.append(b.text());
                case "tool_use" -> calls.add(new ToolCall(b.id(), b.name(), b.text().isEmpty() ? "{}" : b.text().toString()));
                default -> { }
            }
        }
        return new RawResult(List.of(new RawResult.Choice(text.toString(), thinking.toString(), MessagesReply.finish(stopReason), calls)),
                MessagesReply.usage(usage));
    }

    private void start(int index, JsonNode block) {
        String type = block.path("type").asText("");
        Block b = new Block(type, new StringBuilder(), block.path("id").asText(""), block.path("name").asText(""));
        blocks.put(index, b);
        switch (type) {
            case "text" -> deliver(b, Delta.Channel.CONTENT, block.path("text").asText(""));
            case "thinking" -> deliver(b, Delta.Channel.REASONING, block.path("thinking").asText(""));
            case "tool_use" -> {
                if (block.path("input").isObject() && !block.path("input").isEmpty()) b.text().append(block.path("input"));
            }
            default -> { }
        }
    }

    private void delta(int index, JsonNode d) {
        Block b = blocks.get(index);
        if (b == null) throw fail(Kind.BAD_UPSTREAM_RESPONSE, "a content_block_delta for block " + index + ", which never started");
        switch (d.path("type").asText("")) {
            case "text_delta" -> deliver(b, Delta.Channel.CONTENT, d.path("text").asText(""));
            case "thinking_delta" -> deliver(b, Delta.Channel.REASONING, d.path("thinking").asText(""));
            case "input_json_delta" -> b.text().append(d.path("partial_json").asText(""));
            default -> { } // signature and citation deltas carry nothing to vote on
        }
    }

    private void deliver(Block b, Delta.Channel channel, String text) {
        if (text.isEmpty()) return;
        b.text().append(text);
        listener.onDelta(new Delta(choice, channel, text));
        markDelivered();
    }

    private void merge(JsonNode u) {
        if (u.isObject()) u.properties().forEach(f -> { if (!f.getValue().isNull()) usage.set(f.getKey(), f.getValue()); });
    }

    private PonderException error(JsonNode err) {
        String type = err.path("type").asText("error");
        Kind kind = switch (type) {
            case "overloaded_error", "api_error" -> Kind.UPSTREAM_UNAVAILABLE;
            case "rate_limit_error" -> Kind.RATE_LIMITED;
            default -> Kind.BAD_UPSTREAM_RESPONSE;
        };
        return fail(kind, "the server reported an error mid-stream: " + type + ": " + err.path("message").asText(""));
    }

}
