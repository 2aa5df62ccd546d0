package dev.ponder.core.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.ponder.core.model.ToolCall;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the fake server's answers as Anthropic's Messages API does: a message with thinking, text and
 * {@code tool_use} blocks, or its event stream (one token a delta, a call's input in pieces), and errors as
 * {@code {"type": "error", "error": {"type", "message"}}}. The API has no n: the first output is the answer.
 */
final class FakeMessagesWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeMessagesWriter() { }

    static void error(HttpExchange ex, FakeReply.Error e) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", e.code().endsWith("_error") ? e.code() : type(e.status())).put("message", e.message());
        e.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        send(ex, e.status(), "application/json", JSON.writeValueAsBytes(body));
    }

    private static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    static void outputs(HttpExchange ex, FakeRequest r, FakeReply.Outputs o) throws IOException {
        FakeWriter.Done d = FakeWriter.generate(o.outputs().getFirst(), r);
        if (r.stream()) {
            stream(ex, r, o, d);
            return;
        }
        ObjectNode m = message(r, d);
        ArrayNode content = m.putArray("content");
        if (!d.reasoning().isEmpty()) content.addObject().put("type", "thinking").put("thinking", d.reasoning()).put("signature", "sig-fake");
        if (!d.content().isEmpty()) content.addObject().put("type", "text").put("text", d.content());
        for (ToolCall c : d.calls()) content.addObject().put("type", "tool_use").put("id", c.id()).put("name", c.name()).set("input", JSON.readTree(c.arguments()));
        m.put("stop_reason", stopReason(d)).putNull("stop_sequence");
        m.putObject("usage").put("input_tokens", FakeTokens.count(r.allPromptText())).put("output_tokens", d.tokens());
        send(ex, 200, "application/json", JSON.writeValueAsBytes(m));
    }

    private static void stream(HttpExchange ex, FakeRequest r, FakeReply.Outputs o, FakeWriter.Done d) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        ObjectNode start = message(r, d);
        start.putArray("content");
        start.putNull("stop_reason").putNull("stop_sequence");
        start.putObject("usage").put("input_tokens", FakeTokens.count(r.allPromptText())).put("output_tokens", 1);
        ObjectNode ms = JSON.createObjectNode().put("type", "message_start");
        ms.set("message", start);
        event(out, ms);
        event(out, JSON.createObjectNode().put("type", "ping"));
        int[] sent = {0};
        int index = 0;
        if (!d.reasoning().isEmpty()) {
            block(out, index, JSON.createObjectNode().put("type", "thinking").put("thinking", ""));
            for (String t : FakeTokens.split(d.reasoning())) delta(out, o, sent, index, "thinking_delta", "thinking", t);
            event(out, delta(index, "signature_delta", "signature", "sig-fake"));
            stop(out, index++);
        }
        if (!d.content().isEmpty()) {
            block(out, index, JSON.createObjectNode().put("type", "text").put("text", ""));
            for (String t : FakeTokens.split(d.content())) delta(out, o, sent, index, "text_delta", "text", t);
            stop(out, index++);
        }
        if (o.cutAfterChunks().isPresent()) {
            out.flush();
            throw new FakeWriter.StreamCut("fake server: stream cut before the end of the message, as scripted");
        }
        for (ToolCall c : d.calls()) {
            ObjectNode b = JSON.createObjectNode().put("type", "tool_use").put("id", c.id()).put("name", c.name());
            b.putObject("input");
            block(out, index, b);
            for (String piece : FakeWriter.pieces(c.arguments())) event(out, delta(index, "input_json_delta", "partial_json", piece));
            stop(out, index++);
        }
        ObjectNode md = JSON.createObjectNode().put("type", "message_delta");
        md.putObject("delta").put("stop_reason", stopReason(d)).putNull("stop_sequence");
        md.putObject("usage").put("output_tokens", d.tokens());
        event(out, md);
        event(out, JSON.createObjectNode().put("type", "message_stop"));
    }

    private static void delta(OutputStream out, FakeReply.Outputs o, int[] sent, int index, String type, String field, String text) throws IOException {
        if (o.cutAfterChunks().isPresent() && sent[0] == o.cutAfterChunks().getAsInt()) {
            out.flush();
            throw new FakeWriter.StreamCut("fake server: stream cut after " + sent[0] + " deltas, as scripted");
        }
        event(out, delta(index, type, field, text));
        sent[0]++;
        o.onChunk().accept(sent[0]);
    }

    private static ObjectNode delta(int index, String type, String field, String text) {
        ObjectNode e = JSON.createObjectNode().put("type", "content_block_delta").put("index", index);
        e.putObject("delta").put("type", type).put(field, text);
        return e;
    }

    private static void block(OutputStream out, int index, ObjectNode block) throws IOException {
        ObjectNode e = JSON.createObjectNode().put("type", "content_block_start").put("index", index);
        e.set("content_block", block);
        event(out, e);
    }

    private static void stop(OutputStream out, int index) throws IOException {
        event(out, JSON.createObjectNode().put("type", "content_block_stop").put("index", index));
    }

    private static ObjectNode message(FakeRequest r, FakeWriter.Done d) {
        return JSON.createObjectNode().put("id", "msg_fake-" + r.seq()).put("type", "message").put("role", "assistant").put("model", r.model());
    }

    private static String stopReason(FakeWriter.Done d) {
        return switch (d.finish()) {
            case "length" -> "max_tokens";
            case "tool_calls" -> "tool_use";
            default -> "end_turn";
        };
    }

    private static void event(OutputStream out, ObjectNode e) throws IOException {
        out.write(("event: " + e.path("type").asText() + "\ndata: " + JSON.writeValueAsString(e) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange ex, int status, String type, byte[] b) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }
}
