package dev.ponder.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ApiFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/** Reading request bodies (size limit, strict UTF-8, JSON) and writing JSON and text responses. */
final class Exchanges {
    static final ObjectMapper JSON =
            // a shared buffer pool: the default is per thread, and every request runs on a fresh virtual thread
            new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
                    .recyclerPool(com.fasterxml.jackson.core.util.JsonRecyclerPools.sharedConcurrentDequePool()).build());

    private Exchanges() {}

    /** The body as JSON: 413 past {@code limit} bytes, 400 for invalid UTF-8 or malformed JSON (with where). */
    static JsonNode json(HttpExchange ex, int limit) {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        long declared = -1;
        if (length != null) {
            try {
                declared = Long.parseLong(length.strip());
                if (declared > limit) throw tooLarge(limit);
            } catch (NumberFormatException e) {
                throw ApiFailure.field("Content-Length", "the Content-Length header is not a number: " + length);
            }
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            // a declared length sizes the buffer (the server ends the stream there); else read up to the limit
            body = in.readNBytes(declared >= 0 ? (int) declared : limit + 1);
        } catch (IOException e) {
            throw ApiFailure.field("body", "could not read the request body: " + e.getMessage());
        }
        if (body.length > limit) throw tooLarge(limit);
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

    private static ApiFailure tooLarge(int limit) {
        return ApiFailure.status(413, "request_too_large", "the request body is larger than the limit of " + limit
                + " bytes (server.max_body_bytes in the config)").withParam("body");
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) {
        try {
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) ex.getResponseBody().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void json(HttpExchange ex, int status, JsonNode body) {
        try {
            send(ex, status, "application/json", JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void error(HttpExchange ex, ApiError e) { json(ex, e.status(), e.toJson()); }
}
