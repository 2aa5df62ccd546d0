package dev.ponder.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.json.JsonMappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/** Reading request bodies (size limit, strict UTF-8, JSON) and writing JSON and text responses. */
final class Exchanges {
    static final ObjectMapper JSON = JsonMappers.mapper();
    private static final System.Logger LOG = System.getLogger(Exchanges.class.getName());

    private Exchanges() {}

    /** The body as JSON: 400 for an empty body, invalid UTF-8 or malformed JSON (with where). The size limit was applied on reading. */
    static JsonNode json(FrontCall call) {
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
            String loc = e instanceof JsonProcessingException jp && jp.getLocation() != null
                    ? " (line " + jp.getLocation().getLineNr() + ", column " + jp.getLocation().getColumnNr() + ")" : "";
            throw ApiFailure.field("body", "the request body is not valid JSON" + loc + ": "
                    + (cut > 0 ? m.substring(0, cut) : m).lines().findFirst().orElse(m));
        }
    }

    private static boolean ascii(byte[] body) {
        for (byte b : body) if (b < 0) return false;
        return true;
    }

    /** Sends a whole response; false when one was already under way. */
    static boolean send(FrontCall call, int status, String contentType, byte[] body) { return call.send(status, contentType, body); }

    /** A JSON response, with any extra {@code headers} (name, value pairs). */
    static boolean json(FrontCall call, int status, JsonNode body, String... headers) {
        try {
            return call.send(status, "application/json", JSON.writeValueAsBytes(body), headers);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An error in OpenAI's format; one that comes after the response was under way cannot be sent, so it is logged. */
    static void error(FrontCall call, ApiError e) {
        if (!json(call, e.status(), e.toJson(), e.headers())) {
            LOG.log(System.Logger.Level.WARNING, "an error after the response to " + call.method() + " " + call.path() + " was under way: "
                    + e.status() + " " + e.message());
        }
    }

    static byte[] errorBytes(RuntimeException e) {
        try {
            return JSON.writeValueAsBytes(ApiError.of(e).toJson());
        } catch (JsonProcessingException x) {
            throw new UncheckedIOException(x);
        }
    }
}
