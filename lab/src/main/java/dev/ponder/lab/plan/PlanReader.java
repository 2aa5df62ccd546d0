package dev.ponder.lab.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.json.JsonErrors;
import dev.ponder.core.json.TextFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a plan from YAML ({@code .yaml}/{@code .yml}) or JSON. Unknown fields and wrong types are errors that name
 * the file, the line and the field path, e.g. {@code plans/x.yaml:7: backends[0].concurrency: expected an integer}.
 */
public final class PlanReader {
    private PlanReader() {}

    public static LoadedPlan read(Path file) {
        return parse(file, TextFiles.read(file, "plan"));
    }

    public static LoadedPlan parse(Path file, String text) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean json = n.endsWith(".json");
        ObjectMapper mapper = configure(json ? JsonMapper.builder().build() : YAMLMapper.builder().build());
        String body = JsonErrors.stripBom(text);
        if (body.isBlank()) throw PonderException.invalid("%s: the plan is empty", file);
        try {
            Plan plan = mapper.readValue(body, Plan.class);
            if (plan == null) throw PonderException.invalid("%s: the plan is empty", file);
            Path base = file.toAbsolutePath().getParent();
            return new LoadedPlan(file, base, plan, hash(text));
        } catch (JsonMappingException e) {
            throw PonderException.invalid("%s", describe(file, body, e));
        } catch (JsonProcessingException e) {
            throw PonderException.invalid("%s: not valid %s: %s", at(file, e), json ? "JSON" : "YAML", syntax(e));
        }
    }

    /** {@code file:line:column} of an error. */
    private static String at(Path file, JsonProcessingException e) {
        String where = JsonErrors.where(e);
        return where.isEmpty() ? file.toString() : file + ":" + where;
    }

    /**
     * A syntax error in words: snakeyaml's problem without its context marks and snippets (the location is already
     * in front), JSON's in Jackson's words without its internals.
     */
    static String syntax(JsonProcessingException e) {
        return yamlProblem(e).map(y -> y.getProblem() + (y.getContext() == null ? "" : " (" + y.getContext() + ")"))
                .orElseGet(() -> JsonErrors.what(e));
    }

    private static Optional<org.yaml.snakeyaml.error.MarkedYAMLException> yamlProblem(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblem() != null) return Optional.of(y);
        }
        return Optional.empty();
    }

    public static ObjectMapper configure(ObjectMapper m) {
        return m.registerModule(new Jdk8Module())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** file:line:column: field path: what is wrong. */
    public static String describe(Path file, String text, JsonMappingException e) {
        if (yamlProblem(e).isPresent()) return at(file, e) + ": not valid YAML: " + syntax(e);
        var refs = e.getPath();
        if (e instanceof UnrecognizedPropertyException && !refs.isEmpty()) refs = refs.subList(0, refs.size() - 1);
        String path = refs.stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            return file + ":" + lineOf(text, u.getPropertyName(), line(e.getLocation())) + ": unknown field \"" + u.getPropertyName()
                    + "\" at " + (path.isEmpty() ? "top level" : path) + " (known: " + known + ")";
        }
        Throwable cause = e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof PonderException ? e.getCause() : null;
        String what = cause != null ? cause.getMessage() : JsonErrors.what(e);
        if (path.isEmpty() && cause == null && e instanceof MismatchedInputException m
                && m.getTargetType() == Plan.class) {
            what = what + " (a plan is a mapping of fields: name, sources, strategies, ...; see docs/lab.md)";
        }
        return at(file, e) + ": " + (path.isEmpty() ? "" : path + ": ") + what;
    }

    /**
     * The line where {@code field} is written, at or before the line Jackson reports: for an unknown field Jackson
     * has already read on to the field's value, which may sit on a later line.
     */
    static long lineOf(String text, String field, long reported) {
        String[] lines = text.split("\n", -1);
        for (int i = (int) Math.min(reported, lines.length) - 1; i >= 0; i--) {
            String l = lines[i];
            if (l.matches("^\\s*(- )?\"?" + java.util.regex.Pattern.quote(field) + "\"?\\s*:.*")
                    || l.contains("\"" + field + "\"")) return i + 1L;
        }
        return reported;
    }

    private static long line(JsonLocation loc) { return loc == null ? 0 : loc.getLineNr(); }

    /** The first 8 bytes of the text's SHA-256, in hex: names the exact text a result came from. */
    public static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
