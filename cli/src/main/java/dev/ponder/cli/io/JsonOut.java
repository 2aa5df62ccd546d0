package dev.ponder.cli.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.ponder.core.error.PonderException;
import java.io.PrintWriter;

/** Builds and prints the {@code --json} output of a command (pretty-printed, one document). */
public final class JsonOut {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOut() {}

    public static ObjectNode object() { return MAPPER.createObjectNode(); }

    public static ArrayNode array() { return MAPPER.createArrayNode(); }

    /** A value as a JSON tree (records with their {@code @JsonProperty} names, Optionals as values or null). */
    public static JsonNode tree(Object value) { return MAPPER.valueToTree(value); }

    /** A [low, high] pair. */
    public static ArrayNode pair(double low, double high) {
        ArrayNode a = MAPPER.createArrayNode();
        a.add(low);
        a.add(high);
        return a;
    }

    /** Puts {@code values[i]} under {@code names[i]}, in order. */
    public static void put(ObjectNode o, String[] names, double[] values) {
        if (names.length != values.length) throw new IllegalArgumentException(names.length + " names for " + values.length + " values");
        for (int i = 0; i < names.length; i++) o.put(names[i], values[i]);
    }

    public static void print(PrintWriter out, Object node) {
        try {
            out.println(MAPPER.writeValueAsString(node));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "cannot write JSON: " + e.getMessage(), e);
        }
    }
}
