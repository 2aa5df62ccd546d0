package dev.ponder.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.server.api.AnthropicJson;
import dev.ponder.server.json.JsonMappers;
import java.util.function.BiConsumer;

/**
 * A message as Anthropic streams it, from pieces in the order they come: {@code message_start} (and a {@code ping})
 * before the first, then one content block at a time, opened by {@code content_block_start}, extended by
 * {@code content_block_delta} (thinking_delta, text_delta, input_json_delta) and closed by {@code content_block_stop}
 * (a thinking block after its {@code signature_delta}) when a piece of another kind or another call comes; at the end
 * {@code message_delta} with the stop reason and usage, and {@code message_stop}. Each event goes to {@code sink} as its
 * name and data.
 */
final class MessageEvents {
    private static final ObjectMapper JSON = JsonMappers.mapper();

    private enum Block { NONE, THINKING, TEXT, TOOL }

    private final BiConsumer<String, ObjectNode> sink;
    private final String model;
    private String id = "pending";
    private boolean started;
    private boolean ended;
    private int index = -1;
    private Block open = Block.NONE;

    MessageEvents(String model, BiConsumer<String, ObjectNode> sink) {
        this.model = model;
        this.sink = sink;
    }

    void id(String traceId) { id = traceId; }

    boolean ended() { return ended; }

    /** {@code message_start} and a {@code ping}, unless already sent. */
    void start() {
        if (started) return;
        started = true;
        ObjectNode m = AnthropicJson.head("msg_" + id, model);
        m.putArray("content");
        m.putNull("stop_reason").putNull("stop_sequence");
        m.set("usage", AnthropicJson.usage(0, 0));
        ObjectNode e = event("message_start");
        e.set("message", m);
        sink.accept("message_start", e);
        sink.accept("ping", event("ping"));
    }

    void thinking(String text) {
        if (text.isEmpty()) return;
        if (open != Block.THINKING) begin(Block.THINKING, JSON.createObjectNode().put("type", "thinking").put("thinking", "").put("signature", ""));
        delta(JSON.createObjectNode().put("type", "thinking_delta").put("thinking", text));
    }

    void text(String text) {
        if (text.isEmpty()) return;
        if (open != Block.TEXT) begin(Block.TEXT, AnthropicJson.text(""));
        delta(JSON.createObjectNode().put("type", "text_delta").put("text", text));
    }

    /** A new tool call: its block opens with an empty input, which {@link #toolInput} extends. */
    void tool(String callId, String name) { begin(Block.TOOL, AnthropicJson.toolUse(callId, name, JSON.createObjectNode())); }

    void toolInput(String partialJson) {
        if (partialJson.isEmpty() || open != Block.TOOL) return;
        delta(JSON.createObjectNode().put("type", "input_json_delta").put("partial_json", partialJson));
    }

    /** The message's end: the last block closed, its stop reason and usage, {@code message_stop}. */
    void end(String stopReason, long inputTokens, long outputTokens) {
        start();
        if (index < 0) begin(Block.TEXT, AnthropicJson.text("")); // a message has at least one block
        close();
        ObjectNode e = event("message_delta");
        e.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        e.set("usage", AnthropicJson.usage(inputTokens, outputTokens));
        sink.accept("message_delta", e);
        sink.accept("message_stop", event("message_stop"));
        ended = true;
    }

    private void begin(Block kind, ObjectNode block) {
        start();
        close();
        index++;
        open = kind;
        ObjectNode e = event("content_block_start").put("index", index);
        e.set("content_block", block);
        sink.accept("content_block_start", e);
    }

    private void delta(ObjectNode d) {
        ObjectNode e = event("content_block_delta").put("index", index);
        e.set("delta", d);
        sink.accept("content_block_delta", e);
    }

    private void close() {
        if (open == Block.NONE) return;
        if (open == Block.THINKING) delta(JSON.createObjectNode().put("type", "signature_delta").put("signature", AnthropicJson.signature(id)));
        sink.accept("content_block_stop", event("content_block_stop").put("index", index));
        open = Block.NONE;
    }

    private static ObjectNode event(String type) { return JSON.createObjectNode().put("type", type); }
}
