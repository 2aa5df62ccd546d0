package dev.ponder.server.upstream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.openai.ThinkTags;
import dev.ponder.core.backend.openai.protocol.Endpoint;
import dev.ponder.core.backend.openai.protocol.RawResult;
import dev.ponder.core.backend.openai.protocol.Responses;
import dev.ponder.core.backend.openai.protocol.UpstreamErrors;
import dev.ponder.core.error.PonderException;
import dev.ponder.server.json.JsonMappers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One streaming pass over a chat completion's bytes, for relaying it: the choices and usage (read as small trees, for
 * accounting) and where the top-level {@code id} and {@code model} values and the closing brace sit, so the body can
 * be passed on with those values replaced and fields appended, without building and re-writing the whole tree.
 */
final class CompletionScan {
    private static final ObjectMapper JSON = JsonMappers.mapper();

    /** A value's bytes: [start, end). */
    record Span(int start, int end) { }

    /** Choices and usage as trees, read only when think tags must split the content (see {@link Responses#parse}). */
    private final ObjectNode accounted;
    private final boolean trees;
    private final TreeMap<Integer, RawResult.Choice> choices = new TreeMap<>();
    private boolean choicesArray;
    private Optional<RawResult.Tokens> tokens = Optional.empty();
    Span id;
    Span model;
    int fields;
    int close = -1;
    boolean usage;      // the body's usage is an object (a usage the server reported)
    boolean usageField; // the body has a usage field at all, whatever its value
    boolean ponder;

    private CompletionScan(boolean trees) {
        this.trees = trees;
        this.accounted = trees ? JSON.createObjectNode() : null;
    }

    /** The body scanned; choices and usage read straight from the tokens, or as trees when {@code trees}. */
    static CompletionScan of(byte[] body, String where) { return of(body, where, false); }

    static CompletionScan of(byte[] body, String where, boolean trees) {
        CompletionScan s = new CompletionScan(trees);
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("expected a JSON object");
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                s.fields++;
                String name = p.currentName();
                JsonToken v = p.nextToken();
                int start = (int) p.currentTokenLocation().getByteOffset();
                switch (name) {
                    case "choices" -> {
                        if (trees) s.accounted.set("choices", JSON.readTree(p));
                        else s.choices(p);
                    }
                    case "usage" -> {
                        s.usageField = true;
                        if (trees) {
                            JsonNode u = JSON.readTree(p);
                            s.usage = u.isObject();
                            s.accounted.set("usage", u);
                        } else {
                            s.usage = v == JsonToken.START_OBJECT;
                            s.tokens(p);
                        }
                    }
                    case "id", "model" -> {
                        if (v.isStructStart()) p.skipChildren();
                        else p.getText(); // finishes the token, so the location below is just past it
                        Span span = new Span(start, (int) p.currentLocation().getByteOffset());
                        if (name.equals("id")) s.id = span;
                        else s.model = span;
                    }
                    default -> {
                        if (name.equals("ponder")) s.ponder = true;
                        p.skipChildren();
                    }
                }
            }
            if (t != JsonToken.END_OBJECT) throw new IOException("unexpected " + t);
            s.close = (int) p.currentTokenLocation().getByteOffset();
            if (p.nextToken() != null) throw new IOException("content after the JSON object");
        } catch (IOException e) {
            throw UpstreamErrors.malformed(body, where, e);
        }
        return s;
    }

    /** The choices in index order and the usage, as {@link Responses#parse} reads them from a tree. */
    RawResult result(Optional<ThinkTags> tags, String where, byte[] body) {
        if (trees) return Responses.parse(accounted, Endpoint.CHAT, tags, where);
        if (!choicesArray || choices.isEmpty()) {
            String text = new String(body, StandardCharsets.UTF_8);
            throw new PonderException(PonderException.Kind.BAD_UPSTREAM_RESPONSE, where + ": the response has no choices: "
                    + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
        }
        return new RawResult(new ArrayList<>(choices.values()), tokens);
    }

    // the parser is on the value's first token; each reader leaves it on the value's last
    private void choices(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        choicesArray = true;
        int position = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            Integer index = null;
            String finish = null;
            String content = null;
            String reasoningContent = null;
            String reasoning = null;
            if (t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    switch (name) {
                        case "index" -> index = v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : null;
                        case "finish_reason" -> finish = v == JsonToken.VALUE_STRING ? p.getText() : null;
                        case "message" -> {
                            if (!object(p, v)) break;
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String m = p.currentName();
                                JsonToken mv = p.nextToken();
                                String text = mv == JsonToken.VALUE_STRING ? p.getText() : null;
                                if (text == null) p.skipChildren();
                                switch (m) {
                                    case "content" -> content = text;
                                    case "reasoning_content" -> reasoningContent = text;
                                    case "reasoning" -> reasoning = text;
                                    default -> { }
                                }
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
            choices.put(index != null ? index : position, new RawResult.Choice(content == null ? "" : content,
                    reasoningContent != null ? reasoningContent : reasoning == null ? "" : reasoning, finish == null ? "unknown" : finish));
            position++;
        }
    }

    /** Whether the value just read opens an object, whose fields come next; any other value is skipped. */
    private static boolean object(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.START_OBJECT) return true;
        p.skipChildren();
        return false;
    }

    private void tokens(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        Long prompt = null;
        Long completion = null;
        Long total = null;
        long reasoning = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "prompt_tokens" -> prompt = number(p, v);
                case "completion_tokens" -> completion = number(p, v);
                case "total_tokens" -> total = longOr(p, v);
                case "completion_tokens_details" -> {
                    if (!object(p, v)) break;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String d = p.currentName();
                        JsonToken dv = p.nextToken();
                        if (d.equals("reasoning_tokens")) {
                            Long r = longOr(p, dv);
                            reasoning = r == null ? 0 : r;
                        } else {
                            p.skipChildren();
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (prompt == null) return;
        tokens = Optional.of(RawResult.Tokens.reported(prompt, completion == null ? OptionalLong.empty() : OptionalLong.of(completion),
                total != null ? total : prompt, reasoning));
    }

    /** A JSON number as a long (as JsonNode.asLong reads it), or null when the value is not a number. */
    private static Long number(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
        if (v == JsonToken.VALUE_NUMBER_FLOAT) return (long) p.getDoubleValue();
        p.skipChildren();
        return null;
    }

    /** Like {@link #number}, and a numeric string counts too (JsonNode.asLong parses text). */
    private static Long longOr(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(p.getText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return number(p, v);
    }
}
