package dev.ponder.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.openai.protocol.ChatMessages;
import dev.ponder.core.model.Usage;
import dev.ponder.server.chat.Outcome;
import dev.ponder.server.route.Routed;

/** The JSON of chat completions and their stream chunks, in OpenAI's shapes plus the {@code ponder} field. */
public final class Completions {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Completions() {}

    public static ObjectNode completion(Outcome o) {
        ObjectNode root = head(o.traceId(), o.model(), o.created(), "chat.completion");
        ArrayNode choices = root.putArray("choices");
        for (Outcome.Choice c : o.choices()) {
            ObjectNode ch = choices.addObject();
            ch.put("index", c.index());
            ObjectNode m = ch.putObject("message");
            m.put("role", "assistant");
            if (c.toolCalls().isEmpty() || !c.text().isEmpty()) m.put("content", c.text());
            else m.putNull("content");
            if (!c.toolCalls().isEmpty()) m.set("tool_calls", ChatMessages.calls(c.toolCalls()));
            if (!c.reasoning().isEmpty()) m.put("reasoning_content", c.reasoning());
            ch.putNull("logprobs");
            ch.put("finish_reason", c.finishReason());
        }
        root.set("usage", usage(o.usage()));
        root.set("ponder", ponder(o));
        return root;
    }

    /** A chunk carrying one piece of text ({@code field} is content or reasoning_content) of one choice. */
    public static ObjectNode delta(String id, String model, long created, int index, String field, String text, boolean first) {
        ObjectNode root = head(id, model, created, "chat.completion.chunk");
        ObjectNode ch = root.putArray("choices").addObject();
        ch.put("index", index);
        ObjectNode d = ch.putObject("delta");
        if (first) d.put("role", "assistant");
        d.put(field, text);
        ch.putNull("logprobs");
        ch.putNull("finish_reason");
        return root;
    }

    /** A chunk carrying a choice's tool calls whole, each with its index, as a stream's one piece of them. */
    public static ObjectNode toolCallsChunk(Outcome o, Outcome.Choice c, boolean first) {
        ObjectNode root = head(o.traceId(), o.model(), o.created(), "chat.completion.chunk");
        ObjectNode ch = root.putArray("choices").addObject();
        ch.put("index", c.index());
        ObjectNode d = ch.putObject("delta");
        if (first) d.put("role", "assistant");
        ArrayNode calls = ChatMessages.calls(c.toolCalls());
        for (int i = 0; i < calls.size(); i++) ((ObjectNode) calls.get(i)).put("index", i);
        d.set("tool_calls", calls);
        ch.putNull("logprobs");
        ch.putNull("finish_reason");
        return root;
    }

    public static ObjectNode finishChunk(Outcome o, Outcome.Choice c) {
        ObjectNode root = head(o.traceId(), o.model(), o.created(), "chat.completion.chunk");
        ObjectNode ch = root.putArray("choices").addObject();
        ch.put("index", c.index());
        ch.putObject("delta");
        ch.putNull("logprobs");
        ch.put("finish_reason", c.finishReason());
        return root;
    }

    /** The last chunk when the client asked for usage: no choices, usage of every internal call. */
    public static ObjectNode usageChunk(Outcome o) {
        ObjectNode root = head(o.traceId(), o.model(), o.created(), "chat.completion.chunk");
        root.putArray("choices");
        root.set("usage", usage(o.usage()));
        root.set("ponder", ponder(o));
        return root;
    }

    public static ObjectNode usage(Usage u) {
        ObjectNode n = F.objectNode();
        n.put("prompt_tokens", u.inputTokens());
        n.put("completion_tokens", u.outputTokens());
        n.put("total_tokens", u.totalTokens());
        n.putObject("completion_tokens_details").put("reasoning_tokens", u.reasoningTokens());
        return n;
    }

    public static ObjectNode ponder(Outcome o) {
        ObjectNode p = F.objectNode();
        p.put("strategy", o.strategy());
        p.put("trace_id", o.traceId());
        p.put("dollars", o.usage().dollars());
        p.put("samples", o.samples());
        p.put("calls", o.calls());
        ArrayNode runs = p.putArray("runs");
        for (Outcome.Run r : o.runs()) {
            ObjectNode x = runs.addObject();
            x.put("answer", r.answer()).put("confidence", r.confidence()).put("samples", r.samples()).put("stop", r.stop());
            r.error().ifPresent(e -> x.put("error", e));
            r.think().ifPresent(t -> x.putObject("think").put("route", t.route()).put("thinking_tokens", t.thinkingTokens()).put("waits", t.waits()));
        }
        o.route().ifPresent(r -> p.set("route", route(r)));
        return p;
    }

    /** The router's choice: tier, target, its predictions, the lambda, every tier weighed, and a one-line why. */
    public static ObjectNode route(Routed r) {
        ObjectNode n = F.objectNode();
        n.put("tier", r.chosen().tier().name()).put("target", r.chosen().target())
                .put("predicted_success", r.chosen().estimate().success()).put("predicted_cost", r.chosen().estimate().cost())
                .put("lambda", r.lambda()).put("why", r.why());
        ArrayNode all = n.putArray("tiers");
        for (Routed.Option o : r.options()) {
            all.addObject().put("tier", o.tier().name()).put("target", o.target()).put("predicted_success", o.estimate().success())
                    .put("predicted_cost", o.estimate().cost()).put("utility", o.utility(r.lambda()));
        }
        return n;
    }

    private static ObjectNode head(String id, String model, long created, String object) {
        ObjectNode root = F.objectNode();
        root.put("id", "chatcmpl-" + id);
        root.put("object", object);
        root.put("created", created);
        root.put("model", model);
        return root;
    }
}
