package dev.ponder.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.verify.CheckerSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The request fields beside the chat itself: a checker's inputs (under {@code ponder}) and OpenAI's {@code store} and {@code metadata}. */
final class RequestOptions {
    /** OpenAI's limits on {@code metadata}: 16 pairs, keys up to 64 characters, values up to 512. */
    static final int METADATA_PAIRS = 16;

    private RequestOptions() {}

    /** {@code ponder.checker}, {@code ponder.reference} and {@code ponder.tests} ({@code {prompt, test}}). */
    static Checking checking(JsonNode ponder) {
        if (ponder == null || !ponder.isObject()) return Checking.NONE;
        Optional<String> checker = text(ponder, "checker");
        checker.ifPresent(c -> {
            try {
                CheckerSpec.parse(c);
            } catch (PonderException e) {
                throw ApiFailure.field("ponder.checker", e.getMessage());
            }
        });
        String reference = text(ponder, "reference").orElse("");
        Map<String, Object> fields = new LinkedHashMap<>();
        JsonNode tests = ponder.get("tests");
        if (tests != null && !tests.isNull()) {
            if (!tests.isObject()) throw ApiFailure.field("ponder.tests", "ponder.tests must be an object {prompt, test}, was " + Fields.kind(tests));
            for (String f : new String[] {"prompt", "test"}) {
                JsonNode v = tests.get(f);
                if (v == null || !v.isTextual() || v.asText().isBlank()) {
                    throw ApiFailure.field("ponder.tests." + f, "ponder.tests." + f + " must be a non-blank string (the Java tests' " + f + ")");
                }
                fields.put(f, v.asText());
            }
            for (var it = tests.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("prompt") && !f.equals("test")) throw ApiFailure.field("ponder.tests." + f, "unknown field ponder.tests." + f + "; known: prompt, test");
            }
        }
        return checker.isEmpty() && reference.isEmpty() && fields.isEmpty() ? Checking.NONE : new Checking(checker, reference, fields);
    }

    /** {@code store} (a boolean) and, when it is true, {@code metadata} (at most 16 string pairs), as OpenAI checks them. */
    static Storing storing(JsonNode body) {
        JsonNode store = body.get("store");
        boolean kept = false;
        if (store != null && !store.isNull()) {
            if (!store.isBoolean()) throw ApiFailure.field("store", "store must be true or false, was " + Fields.kind(store));
            kept = store.asBoolean();
        }
        if (!kept) return Storing.NO; // metadata alone goes upstream untouched, as it always did
        JsonNode m = body.get("metadata");
        Map<String, String> metadata = new LinkedHashMap<>();
        if (m != null && !m.isNull()) {
            if (!m.isObject()) throw ApiFailure.field("metadata", "metadata must be an object of string values, was " + Fields.kind(m));
            if (m.size() > METADATA_PAIRS) throw ApiFailure.field("metadata", "metadata holds at most " + METADATA_PAIRS + " pairs, was " + m.size());
            for (var e : m.properties()) {
                String at = "metadata." + e.getKey();
                if (e.getKey().length() > 64) throw ApiFailure.field(at, "metadata keys are at most 64 characters, was " + e.getKey().length());
                if (!e.getValue().isTextual()) throw ApiFailure.field(at, at + " must be a string, was " + Fields.kind(e.getValue()));
                if (e.getValue().asText().length() > 512) throw ApiFailure.field(at, at + " is at most 512 characters, was " + e.getValue().asText().length());
                metadata.put(e.getKey(), e.getValue().asText());
            }
        }
        return new Storing(true, metadata);
    }

    private static Optional<String> text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isTextual()) throw ApiFailure.field("ponder." + field, "ponder." + field + " must be a string, was " + Fields.kind(v));
        return Optional.of(v.asText());
    }
}
