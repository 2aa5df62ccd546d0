package dev.ponder.core.backend.openai.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.backend.Delta.Channel;
import dev.ponder.core.backend.openai.ThinkTags;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Reads a non-streamed response body, and the pieces of one that streamed chunks share with it. */
public final class Responses {
    private Responses() { }

    public static RawResult parse(JsonNode body, Endpoint endpoint, Optional<ThinkTags> tags, String where) {
        JsonNode choices = body.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw new PonderException(PonderException.Kind.BAD_UPSTREAM_RESPONSE, where + ": the response has no choices: " + abbreviate(body));
        }
        TreeMap<Integer, RawResult.Choice> byIndex = new TreeMap<>();
        int position = 0;
        for (JsonNode c : choices) {
            int index = c.path("index").isInt() ? c.path("index").asInt() : position;
            position++;
            String finish = text(c.path("finish_reason")).orElse("unknown");
            if (endpoint == Endpoint.COMPLETIONS) {
                byIndex.put(index, new RawResult.Choice(text(c.path("text")).orElse(""), "", finish, List.of(), Logprobs.of(c, endpoint)));
                continue;
            }
            JsonNode m = c.path("message");
            String content = text(m.path("content")).orElse("");
            StringBuilder reasoning = new StringBuilder(reasoning(m).orElse(""));
            if (tags.isPresent()) {
                ThinkSplitter s = new ThinkSplitter(tags.get());
                StringBuilder answer = new StringBuilder();
                List<ThinkSplitter.Piece> pieces = new ArrayList<>(s.feed(content));
                pieces.addAll(s.finish());
                for (ThinkSplitter.Piece p : pieces) {
                    (p.channel() == Channel.REASONING ? reasoning : answer).append(p.text());
                }
                content = answer.toString();
            }
            byIndex.put(index, new RawResult.Choice(content, reasoning.toString(), finish, toolCalls(m.path("tool_calls")), Logprobs.of(c, endpoint)));
        }
        return new RawResult(new ArrayList<>(byIndex.values()), usage(body.path("usage")));
    }

    /**
     * A message's {@code tool_calls}: id, function name and arguments (an object given instead of its JSON text is written
     * out); what is not an array of objects holds no call.
     */
    public static List<ToolCall> toolCalls(JsonNode calls) {
        List<ToolCall> out = new ArrayList<>();
        if (!calls.isArray()) return out;
        for (JsonNode c : calls) {
            if (!c.isObject()) continue;
            JsonNode f = c.path("function");
            JsonNode args = f.path("arguments");
            out.add(new ToolCall(c.path("id").asText(""), f.path("name").asText(""), args.isTextual() ? args.asText() : args.isMissingNode() ? "" : args.toString()));
        }
        return out;
    }

    /** DeepSeek's {@code reasoning_content}, or {@code reasoning} as newer vLLM and OpenRouter name it; null is absent. */
    static Optional<String> reasoning(JsonNode messageOrDelta) {
        Optional<String> r = text(messageOrDelta.path("reasoning_content"));
        return r.isPresent() ? r : text(messageOrDelta.path("reasoning"));
    }

    /** A {@code usage} object as reported ({@link RawResult.Tokens#reported}); empty when it is not one or has no prompt count. */
    public static Optional<RawResult.Tokens> usage(JsonNode u) {
        if (!u.isObject() || !u.path("prompt_tokens").isNumber()) return Optional.empty();
        long prompt = u.path("prompt_tokens").asLong();
        JsonNode completion = u.path("completion_tokens");
        return Optional.of(RawResult.Tokens.reported(prompt, completion.isNumber() ? OptionalLong.of(completion.asLong()) : OptionalLong.empty(),
                u.path("total_tokens").asLong(prompt), u.path("completion_tokens_details").path("reasoning_tokens").asLong(0)));
    }

    static Optional<String> text(JsonNode n) {
        return n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
    }

    static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
