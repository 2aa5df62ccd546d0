package dev.ponder.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.Delta;
import dev.ponder.core.model.ToolCall;
import dev.ponder.server.api.AnthropicJson;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.chat.Outcome;
import dev.ponder.server.chat.Reply;

/**
 * A streamed Messages reply as Anthropic's server-sent events ({@link MessageEvents}), whichever way the request ran:
 * the engine's text and thinking as they come (a {@code single} sample live, else the chosen sample's at the end), then
 * its tool calls; or the chunks of a chat completion an upstream streamed as written, translated piece by piece (its
 * tool calls' argument deltas as {@code input_json_delta}s). Progress goes as SSE comments, which clients ignore. A
 * failure before any output is a plain HTTP error; after, an {@code error} event that ends the stream.
 */
final class MessagesStream implements Reply {
    private final FrontCall ex;
    private final EventOut wire;
    private final MessageEvents events;
    private int tool = -1;
    private String finish = "stop";
    private long inputTokens;
    private long outputTokens;

    MessagesStream(FrontCall ex, String model) {
        this.ex = ex;
        this.wire = new EventOut(ex);
        this.events = new MessageEvents(model, this::event);
    }

    @Override
    public synchronized void trace(String traceId) { events.id(traceId); }

    @Override
    public synchronized void delta(Delta d) {
        if (d.choice() != 0) return;
        if (d.channel() == Delta.Channel.REASONING) events.thinking(d.text());
        else events.text(d.text());
    }

    @Override
    public synchronized void comment(String text) {
        events.start(); // as Anthropic does: the message starts at once, before the strategy has an answer
        wire.write(": " + text.replace('\n', ' ') + "\n\n");
    }

    @Override
    public synchronized void finish(Outcome o, boolean textAlreadyStreamed) {
        Outcome.Choice c = o.choices().getFirst();
        if (!textAlreadyStreamed) {
            events.thinking(c.reasoning());
            events.text(c.text());
        }
        for (ToolCall call : c.toolCalls()) {
            events.tool(call.id(), call.name());
            events.toolInput(AnthropicJson.input(call.arguments()).toString());
        }
        events.end(AnthropicJson.stopReason(c.finishReason()), o.usage().inputTokens(), o.usage().outputTokens());
        wire.end();
    }

    @Override
    public synchronized void fail(ApiError error) {
        if (!wire.started()) {
            AnthropicDialect.error(ex, error);
            return;
        }
        wire.writeIfListened("event: error\ndata: " + AnthropicJson.error(error) + "\n\n");
        wire.end();
    }

    /** One chunk of a chat completion streamed as the upstream wrote it: its first choice's pieces, its finish reason and usage. */
    @Override
    public synchronized void passthrough(ObjectNode chunk) {
        JsonNode u = chunk.path("usage");
        if (u.isObject()) {
            inputTokens = u.path("prompt_tokens").asLong(inputTokens);
            outputTokens = u.path("completion_tokens").asLong(outputTokens);
        }
        for (JsonNode c : chunk.path("choices")) {
            if (c.path("index").asInt(0) != 0) continue;
            JsonNode d = c.path("delta");
            events.thinking(d.path("reasoning_content").asText(d.path("reasoning").asText("")));
            events.text(d.path("content").asText(""));
            for (JsonNode piece : d.path("tool_calls")) {
                int k = piece.path("index").asInt(tool < 0 ? 0 : tool);
                if (k != tool) {
                    tool = k;
                    events.tool(piece.path("id").asText(""), piece.path("function").path("name").asText(""));
                }
                events.toolInput(piece.path("function").path("arguments").asText(""));
            }
            if (c.path("finish_reason").isTextual()) finish = c.path("finish_reason").asText();
        }
    }

    @Override
    public void passthroughBody(byte[] json) {
        throw new IllegalStateException("a stream takes passed-through chunks, not a whole body");
    }

    @Override
    public synchronized void passthroughDone() {
        events.end(AnthropicJson.stopReason(finish), inputTokens, outputTokens);
        wire.end();
    }

    private void event(String name, ObjectNode data) { wire.write("event: " + name + "\ndata: " + data + "\n\n"); }

    @Override
    public void release() { ex.release(); }
}
