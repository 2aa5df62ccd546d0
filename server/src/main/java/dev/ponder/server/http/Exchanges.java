package dev.ponder.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ApiFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/** Reading request bodies (size limit, strict UTF-8, JSON) and writing JSON and text responses. */
final class Exchanges {
    static final ObjectMapper JSON = dev.ponder.server.json.JsonMappers.mapper();

    private Exchanges() {}

    /** The body as JSON: 400 for an empty body, invalid UTF-8 or malformed JSON (with where). The size limit was applied on reading. */
    static JsonNode json(Call call) {
        byte[] body = call.body();
        if (body.length == 0) throw ApiFailure.field("body", "the request body is empty; send a JSON object with model and messages");
        try {
            if (!ascii(body)) StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (MalformedInputException e) {
            throw ApiFailure.field("body", "the request body is not valid UTF-8 (bad byte sequence of length " + e.getInputLength() + ")");
        } catch (CharacterCodingException e) {
            throw ApiFailure.field("body", "the request body is not valid UTF-8: " + e.getMessage());
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || n.isMissingNode()) throw ApiFailure.field("body", "the request body holds no JSON value");
            return n;
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            int cut = m.indexOf("\n at [Source");
            String loc = e instanceof com.fasterxml.jackson.core.JsonProcessingException jp && jp.getLocation() != null
                    ? " (line " + jp.getLocation().getLineNr() + ", column " + jp.getLocation().getColumnNr() + ")" : "";
            throw ApiFailure.field("body", "the request body is not valid JSON" + loc + ": "
                    + (cut > 0 ? m.substring(0, cut) : m).lines().findFirst().orElse(m));
        }
    }

    private static boolean ascii(byte[] body) {
        for (byte b : body) if (b < 0) return false;
        return true;
    }

    static void send(Call call, int status, String contentType, byte[] body) { call.send(status, contentType, body); }

    static void json(Call call, int status, JsonNode body) {
        try {
            send(call, status, "application/json", JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void error(Call call, ApiError e) { json(call, e.status(), e.toJson()); }

    static byte[] errorBytes(RuntimeException e) {
        try {
            return JSON.writeValueAsBytes(ApiError.of(e).toJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
            throw new UncheckedIOException(x);
        }
    }
}
