package dev.ponder.core.backend.openai.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.ToolCall;
import java.util.List;

/**
 * Messages in OpenAI's chat shape: {@code {role, content}}; an assistant turn's calls as {@code tool_calls} (its
 * content null when it wrote no text, as OpenAI sends it); a tool result with its {@code tool_call_id}.
 */
public final class ChatMessages {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ChatMessages() { }

    public static ArrayNode of(List<Message> messages) {
        ArrayNode out = F.arrayNode(messages.size());
        for (Message m : messages) out.add(of(m));
        return out;
    }

    public static ObjectNode of(Message m) {
        ObjectNode o = F.objectNode().put("role", m.role());
        if (m.toolCalls().isEmpty() || !m.content().isEmpty()) o.put("content", m.content());
        else o.putNull("content");
        if (!m.toolCalls().isEmpty()) o.set("tool_calls", calls(m.toolCalls()));
        m.toolCallId().ifPresent(id -> o.put("tool_call_id", id));
        return o;
    }

    /** Calls as {@code [{id, type: function, function: {name, arguments}}]}. */
    public static ArrayNode calls(List<ToolCall> calls) {
        ArrayNode out = F.arrayNode(calls.size());
        for (ToolCall c : calls) {
            ObjectNode x = out.addObject().put("id", c.id()).put("type", "function");
            x.putObject("function").put("name", c.name()).put("arguments", c.arguments());
        }
        return out;
    }
}
