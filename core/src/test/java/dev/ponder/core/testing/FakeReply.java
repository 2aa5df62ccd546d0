package dev.ponder.core.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** What the fake server does with one request. */
public sealed interface FakeReply {

    /**
     * An honest answer: these outputs as the choices (whatever {@code n} asked for), as JSON, or as SSE chunks of one
     * token each ending in {@code [DONE]} with usage in a last chunk when the request asked for it.
     * {@code cutAfterChunks} drops the connection after that many token chunks; {@code onChunk} is called with the
     * number of token chunks sent so far after each one is flushed (a test can hold the stream there). A dropped
     * connection can reach the client before data it has not read yet: to assert on what was delivered before a cut,
     * hold the stream in {@code onChunk} until the client has taken the tokens.
     */
    record Outputs(List<FakeOutput> outputs, StreamStyle style, OptionalInt cutAfterChunks, IntConsumer onChunk) implements FakeReply {
        public Outputs {
            outputs = List.copyOf(outputs);
        }

        public Outputs cutAfter(int chunks) { return new Outputs(outputs, style, OptionalInt.of(chunks), onChunk); }

        public Outputs style(StreamStyle s) { return new Outputs(outputs, s, cutAfterChunks, onChunk); }

        public Outputs onChunk(IntConsumer c) { return new Outputs(outputs, style, cutAfterChunks, c); }
    }

    /** How SSE is written: comment lines, JSON split over several {@code data:} lines, the reasoning field's name. */
    record StreamStyle(boolean comments, boolean multiLineData, String reasoningField) {
        public static final StreamStyle DEFAULT = new StreamStyle(true, false, "reasoning_content");

        public StreamStyle multiLine() { return new StreamStyle(comments, true, reasoningField); }

        public StreamStyle reasoningField(String f) { return new StreamStyle(comments, multiLineData, f); }
    }

    /** An OpenAI-style error body {@code {"error": {"message": ..., "code": ...}}} with this status and headers. */
    record Error(int status, String message, String code, Map<String, String> headers) implements FakeReply { }

    /** Exactly these bytes (for malformed responses). */
    record Raw(int status, String contentType, String body) implements FakeReply { }

    /** Never answers (until the server closes). */
    record Hang() implements FakeReply { }

    static Outputs outputs(List<FakeOutput> outputs) { return new Outputs(outputs, StreamStyle.DEFAULT, OptionalInt.empty(), k -> { }); }

    static Outputs outputs(FakeOutput... outputs) { return outputs(List.of(outputs)); }

    static Outputs texts(String... texts) { return outputs(Arrays.stream(texts).map(FakeOutput::text).toList()); }

    /** One output per choice the request asked for. */
    static Outputs each(FakeRequest r, IntFunction<FakeOutput> choice) {
        return outputs(IntStream.range(0, r.n()).mapToObj(choice).toList());
    }

    static Error error(int status, String message) { return new Error(status, message, "", Map.of()); }

    static Error rateLimited(String retryAfter) {
        return new Error(429, "Rate limit reached, please try again later", "rate_limit_exceeded", Map.of("Retry-After", retryAfter));
    }

    static Error serverError() { return new Error(500, "The server had an error while processing your request", "server_error", Map.of()); }

    static Raw malformed() { return new Raw(200, "application/json", "{\"id\": \"chatcmpl-1\", \"choices\": [{\"message\": "); }

    static Hang hang() { return new Hang(); }
}
