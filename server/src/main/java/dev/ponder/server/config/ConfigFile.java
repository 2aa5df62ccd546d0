package dev.ponder.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.json.BadField;
import dev.ponder.core.json.FieldLines;
import dev.ponder.core.json.FieldPath;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the YAML config by binding it to records, as plans are read ({@link ServeFile}; commented example:
 * config/ponder-serve.example.yaml). Unknown fields are errors, so a typo does not silently drop a limit, and values
 * are taken as written (no number from a string, no text from a number). Every error names the file, the line and
 * the field path: {@code line 4 of serve.yaml: keys[1].budget.dollars must be a number >= 0, was -1.0}.
 */
public final class ConfigFile {
    private static final YAMLMapper YAML = mapper();

    private ConfigFile() {}

    /** The config in {@code file}; {@code defaultBanks} are served when the file names no banks (or "default"). */
    public static ProxyConfig load(Path file, Supplier<List<Path>> defaultBanks) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw PonderException.invalid("config not found: %s", file);
        } catch (MalformedInputException e) {
            throw PonderException.invalid("cannot read config %s: it is not UTF-8 text", file);
        } catch (IOException e) {
            throw PonderException.invalid("cannot read config %s: %s", file, String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        return bind(file, text).toConfig(file.toAbsolutePath().getParent(), defaultBanks);
    }

    private static ServeFile bind(Path file, String text) {
        if (text.isBlank()) throw notAMapping(file);
        // the parser stays open while an error is described: where it stopped is the value the file holds instead
        try (JsonParser p = YAML.createParser(text)) {
            try {
                ServeFile f = YAML.readValue(p, ServeFile.class);
                if (f == null) throw notAMapping(file);
                return f;
            } catch (JsonMappingException e) {
                throw PonderException.invalid("%s", describe(file, text, e, p));
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw PonderException.invalid("line %d of %s: not valid YAML: %s", line, file, syntax(e));
        } catch (IOException e) {
            throw PonderException.invalid("cannot read config %s: %s", file, e.getMessage());
        }
    }

    /** A syntax error in snakeyaml's words, without its marks (the line is given already). */
    private static String syntax(JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException y && y.getProblem() != null) {
                return y.getProblem() + (y.getContext() == null ? "" : " (" + y.getContext() + ")");
            }
        }
        return e.getOriginalMessage().lines().findFirst().orElse("");
    }

    /**
     * One line for a value that did not bind: a {@link BadField} follows its field ({@code port must be ...}); any
     * other refusal of a section's creator is a sentence after its path ({@code server.transport: transport must be ...}).
     */
    private static String describe(Path file, String text, JsonMappingException e, JsonParser p) {
        String path = FieldPath.of(e);
        Optional<BadField> bad = FieldPath.badField(e);
        if (bad.isPresent()) return at(file, text, FieldPath.join(path, bad.get().field())) + " " + bad.get().getMessage();
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            return at(file, text, path) + " is not a known field; known: " + known;
        }
        if (path.isEmpty()) return notAMapping(file).getMessage();
        if (e instanceof ValueInstantiationException && e.getCause() != null) return at(file, text, path) + ": " + e.getCause().getMessage();
        if (e instanceof MismatchedInputException m) return at(file, text, path) + " must be " + expected(m.getTargetType()) + found(m, p);
        return at(file, text, path) + ": " + e.getOriginalMessage().lines().findFirst().orElse("");
    }

    private static String at(Path file, String text, String path) {
        return "line " + FieldLines.lineOf(YAML.getFactory(), text, path) + " of " + file + ": " + path;
    }

    private static PonderException notAMapping(Path file) { return PonderException.invalid("%s: the config must be a YAML mapping", file); }

    private static String expected(Class<?> type) {
        if (type == null) return "something else";
        if (CharSequence.class.isAssignableFrom(type)) return "text";
        if (type == Long.class || type == Integer.class) return "a whole number";
        if (Number.class.isAssignableFrom(type)) return "a number";
        if (Collection.class.isAssignableFrom(type)) return "a list";
        if (type.isEnum()) return "one of " + List.of(type.getEnumConstants());
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "a mapping" : "a " + type.getSimpleName();
    }

    /** ", was VALUE" for what the file holds instead, when Jackson says. */
    private static String found(MismatchedInputException m, JsonParser p) {
        if (m instanceof InvalidFormatException f) return ", was " + f.getValue();
        if (p.currentToken() == null) return "";
        try {
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_ARRAY) return ", was a list";
            if (t == JsonToken.START_OBJECT) return ", was a mapping";
            return t == JsonToken.VALUE_STRING ? ", was \"" + p.getText() + "\"" : ", was " + p.getText();
        } catch (IOException e) {
            return "";
        }
    }

    private static YAMLMapper mapper() {
        YAMLMapper m = YAMLMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return m;
    }
}
