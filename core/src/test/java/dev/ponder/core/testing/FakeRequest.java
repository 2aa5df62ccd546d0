package dev.ponder.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A request the fake server received: its sequence number (from 0), path, headers (lower-case names) and JSON body. */
public record FakeRequest(int seq, String path, Map<String, List<String>> headers, JsonNode body) {

    /** A chat request: OpenAI's chat completions or Anthropic's Messages. */
    public boolean chat() { return path.endsWith("/chat/completions") || messagesApi(); }

    /** Anthropic's Messages endpoint. */
    public boolean messagesApi() { return path.endsWith("/v1/messages"); }

    public int n() { return body.path("n").asInt(1); }

    public boolean stream() { return body.path("stream").asBoolean(false); }

    public boolean includeUsage() { return body.path("stream_options").path("include_usage").asBoolean(false); }

    public String model() { return body.path("model").asText(""); }

    /** The smaller of {@code max_tokens} and {@code max_completion_tokens}, when either is set. */
    public OptionalInt maxTokens() {
        OptionalInt out = OptionalInt.empty();
        for (String f : List.of("max_tokens", "max_completion_tokens")) {
            if (body.path(f).isInt()) {
                int v = body.path(f).asInt();
                out = OptionalInt.of(out.isPresent() ? Math.min(out.getAsInt(), v) : v);
            }
        }
        return out;
    }

    public List<String> stop() {
        JsonNode s = body.path(messagesApi() ? "stop_sequences" : "stop");
        List<String> out = new ArrayList<>();
        if (s.isTextual()) out.add(s.asText());
        for (JsonNode x : s) if (x.isTextual()) out.add(x.asText());
        return out;
    }

    /** The completions prompt, or the last user message of a chat. */
    public String prompt() {
        if (!chat()) return body.path("prompt").asText("");
        String last = "";
        for (JsonNode m : body.path("messages")) if (m.path("role").asText().equals("user")) last = text(m.path("content"));
        return last;
    }

    /** A message's content: its text, or the text of its text blocks (Anthropic) or parts. */
    private static String text(JsonNode content) {
        if (!content.isArray()) return content.asText("");
        StringBuilder b = new StringBuilder();
        for (JsonNode block : content) b.append(block.path("text").asText(block.path("content").asText("")));
        return b.toString();
    }

    /** All the text the request sends: the prompt, or every message's content joined by newlines. */
    public String allPromptText() {
        if (!chat()) return prompt();
        StringBuilder b = new StringBuilder();
        if (body.path("system").isTextual()) b.append(body.path("system").asText()).append('\n');
        for (JsonNode m : body.path("messages")) b.append(text(m.path("content"))).append('\n');
        return b.toString();
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.getFirst());
    }
}
