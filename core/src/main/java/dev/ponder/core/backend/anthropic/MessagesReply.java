package dev.ponder.core.backend.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.backend.openai.protocol.RawResult;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a Messages API response: text blocks are the answer, thinking blocks its reasoning, {@code tool_use} blocks its
 * calls (their {@code input} written out as the arguments); other blocks (redacted thinking, server tools' results)
 * carry nothing to vote on. {@code stop_reason} takes OpenAI's finish names, which the rest of Ponder speaks.
 * Input tokens are the prompt's whole count, cache writes and reads included (priced at the input rate: the cache's
 * discounts are not modelled); thinking tokens are {@code output_tokens_details.thinking_tokens} when sent.
 */
final class MessagesReply {
    private MessagesReply() { }

    static RawResult parse(JsonNode body, String where) {
        JsonNode content = body.path("content");
        if (!content.isArray()) {
            String s = body.toString();
            throw new PonderException(PonderException.Kind.BAD_UPSTREAM_RESPONSE, where + ": the response has no content blocks: "
                    + (s.length() > 200 ? s.substring(0, 200) + "..." : s));
        }
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : content) {
            switch (block.path("type").asText("")) {
                case "text" -> text.append(block.path("text").asText(""));
                case "thinking" -> thinking.append(block.path("thinking").asText(""));
                case "tool_use" -> calls.add(new ToolCall(block.path("id").asText(""), block.path("name").asText(""),
                        block.path("input").isMissingNode() ? "{}" : block.path("input").toString()));
                default -> { }
            }
        }
        return new RawResult(List.of(new RawResult.Choice(text.toString(), thinking.toString(), finish(body.path("stop_reason")), calls)),
                usage(body.path("usage")));
    }

    /** {@code stop_reason} in OpenAI's names: stop, length, tool_calls, content_filter (unknown when absent). */
    static String finish(JsonNode stopReason) {
        if (!stopReason.isTextual()) return "unknown";
        return switch (stopReason.asText()) {
            case "end_turn", "stop_sequence", "pause_turn" -> "stop";
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> stopReason.asText();
        };
    }

    /** A {@code usage} object's counts; empty when it has no input count. */
    static Optional<RawResult.Tokens> usage(JsonNode u) {
        if (!u.path("input_tokens").isNumber()) return Optional.empty();
        long in = u.path("input_tokens").asLong() + u.path("cache_creation_input_tokens").asLong(0) + u.path("cache_read_input_tokens").asLong(0);
        JsonNode out = u.path("output_tokens");
        return Optional.of(RawResult.Tokens.reported(in, out.isNumber() ? OptionalLong.of(out.asLong()) : OptionalLong.empty(), in,
                u.path("output_tokens_details").path("thinking_tokens").asLong(0)));
    }
}
