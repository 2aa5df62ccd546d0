package dev.ponder.lab.cost;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.error.PonderException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Traces saved from the proxy ({@code GET /v1/ponder/traces/{id}}) as observations: a file holds one trace, a JSON
 * array of them, or one per line. The tier is the trace's strategy on its model (for {@code auto}, the target the
 * router chose), the tokens its {@code usage}, the latency its {@code elapsed_ms} (wall time of the request).
 * Requests that failed (status other than 200) are left out and counted in a note.
 */
public final class TraceObservations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceObservations() {}

    public static Observations read(Path file) {
        List<ObservedQuery> queries = new ArrayList<>();
        int failed = 0;
        String source = "traces " + file.getFileName();
        try (JsonParser p = JSON.createParser(Files.newBufferedReader(file))) {
            boolean array = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY && !array) {
                    array = true;
                    continue;
                }
                if (t == JsonToken.END_ARRAY && array) {
                    array = false;
                    continue;
                }
                long line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) throw PonderException.invalid("%s:%d: expected a trace object, found %s", file, line, t.asString());
                JsonNode trace = JSON.readTree(p);
                if (trace.path("status").asInt(200) != 200) {
                    failed++;
                    continue;
                }
                queries.add(query(trace, file + ":" + line, source));
            }
        } catch (NoSuchFileException e) {
            throw new PonderException(PonderException.Kind.NOT_FOUND, "traces file not found: " + file);
        } catch (JsonProcessingException e) {
            throw PonderException.invalid("%s:%d: not valid JSON: %s", file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage());
        } catch (IOException e) {
            throw PonderException.invalid("cannot read traces %s: %s", file, e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        if (failed > 0) notes.add(source + ": " + failed + " failed request(s) (status other than 200) are left out");
        if (queries.isEmpty() && failed == 0) notes.add(source + " holds no traces");
        return Observations.of(queries, notes);
    }

    private static ObservedQuery query(JsonNode trace, String where, String source) {
        if (!"ponder.trace".equals(trace.path("object").asText())) {
            throw PonderException.invalid("%s: not a Ponder trace (its \"object\" is %s, not \"ponder.trace\"): save what GET /v1/ponder/traces/{id}"
                    + " returns", where, trace.has("object") ? "\"" + trace.get("object").asText() + "\"" : "missing");
        }
        String strategy = text(trace, "strategy", where);
        String target = trace.path("route").has("target") ? trace.path("route").path("target").asText() : text(trace, "model", where);
        String model = target.startsWith(strategy + ":") ? target.substring(strategy.length() + 1) : target;
        return new ObservedQuery(strategy + ":" + model, number(trace, "usage.input_tokens", where), number(trace, "usage.output_tokens", where),
                OptionalDouble.of(number(trace, "elapsed_ms", where)), source);
    }

    private static String text(JsonNode n, String field, String where) {
        if (!n.path(field).isTextual()) throw PonderException.invalid("%s: trace field \"%s\" is missing or not a string", where, field);
        return n.get(field).asText();
    }

    private static double number(JsonNode n, String field, String where) {
        JsonNode v = n.at("/" + field.replace('.', '/'));
        if (!v.isNumber() || v.asDouble() < 0) throw PonderException.invalid("%s: trace field \"%s\" is missing or not a number >= 0", where, field);
        return v.asDouble();
    }
}
