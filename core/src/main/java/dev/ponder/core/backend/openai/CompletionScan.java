package dev.ponder.core.backend.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One streaming pass over a chat completion's bytes, for relaying it: the choices and usage (read as small trees, for
 * accounting) and where the top-level {@code id} and {@code model} values and the closing brace sit, so the body can
 * be passed on with those values replaced and fields appended, without building and re-writing the whole tree.
 */
final class CompletionScan {
    private static final ObjectMapper JSON = dev.ponder.core.json.JsonMappers.mapper();

    /** A value's bytes: [start, end). */
    record Span(int start, int end) { }

    final ObjectNode accounted = JSON.createObjectNode();
    Span id;
    Span model;
    int fields;
    int close = -1;
    boolean usage;
    boolean ponder;

    static CompletionScan of(byte[] body, String where) {
        CompletionScan s = new CompletionScan();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("expected a JSON object");
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                s.fields++;
                String name = p.currentName();
                JsonToken v = p.nextToken();
                int start = (int) p.currentTokenLocation().getByteOffset();
                switch (name) {
                    case "choices" -> s.accounted.set("choices", JSON.readTree(p));
                    case "usage" -> {
                        JsonNode u = JSON.readTree(p);
                        s.usage = u.isObject();
                        s.accounted.set("usage", u);
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
            String text = new String(body, StandardCharsets.UTF_8);
            throw new PonderException(PonderException.Kind.BAD_UPSTREAM_RESPONSE, where + ": malformed JSON in the response ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "): "
                    + (text.length() > 200 ? text.substring(0, 200) + "..." : text), e);
        }
        return s;
    }
}
