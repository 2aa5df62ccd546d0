package dev.ponder.core.answer;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.model.ToolCall;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The answer of a sample that called tools, so that votes, stopping rules and best-of count calls as they count
 * extracted answers: each call as {@code name(arguments)}, its arguments as canonical JSON (keys sorted at every depth,
 * numbers by value so 1, 1.0 and 1e0 are one number, white space dropped), the calls of one turn sorted and joined by
 * {@code "; "} (parallel calls in another order are the same turn). Arguments that are not JSON stand as written,
 * stripped; empty arguments are {@code {}}. In a request that offered tools, a sample with text and no call is its own
 * group: its extracted answer, or when the extractor finds none, its text (white space folded), so it still votes.
 */
public final class ToolCallAnswer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private ToolCallAnswer() {}

    /** A sample's answer in a request that offered tools: its calls', else its text's as {@code extractor} reads it, else its text. */
    public static String of(List<ToolCall> calls, String text, AnswerExtractor extractor) {
        if (!calls.isEmpty()) return of(calls);
        String extracted = extractor.extract(text);
        return extracted.isEmpty() ? Grouping.normalise(text) : extracted;
    }

    /** The canonical answer of a turn's calls (empty for none). */
    public static String of(List<ToolCall> calls) {
        List<String> each = new ArrayList<>(calls.size());
        for (ToolCall c : calls) each.add(c.name() + "(" + canonicalArguments(c.arguments()) + ")");
        each.sort(null);
        return String.join("; ", each);
    }

    /** The arguments as canonical JSON, or as written (stripped) when they are not JSON. */
    public static String canonicalArguments(String arguments) {
        String a = arguments.strip();
        if (a.isEmpty()) return "{}";
        try {
            JsonNode n = JSON.readTree(a);
            if (n == null || n.isMissingNode()) return a;
            StringBuilder out = new StringBuilder(a.length());
            write(n, out);
            return out.toString();
        } catch (IOException e) {
            return a;
        }
    }

    private static void write(JsonNode n, StringBuilder out) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                TreeMap<String, JsonNode> sorted = new TreeMap<>();
                n.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
                out.append('{');
                boolean first = true;
                for (var e : sorted.entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    quote(e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < n.size(); i++) {
                    if (i > 0) out.append(',');
                    write(n.get(i), out);
                }
                out.append(']');
            }
            case STRING -> quote(n.asText(), out);
            case NUMBER -> out.append(number(n.decimalValue()));
            case BOOLEAN, NULL -> out.append(n.asText());
            default -> out.append(n.toString());
        }
    }

    private static String number(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
    }
}
