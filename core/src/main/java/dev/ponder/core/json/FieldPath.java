package dev.ponder.core.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Optional;

/** Field paths ({@code keys[1].budget.dollars}) of binding errors, as the readers of YAML and JSON files name them. */
public final class FieldPath {
    private FieldPath() {}

    /** Where Jackson was when it failed: the field names and list indexes it had descended through. */
    public static String of(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            b.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return !b.isEmpty() && b.charAt(0) == '.' ? b.substring(1) : b.toString();
    }

    /** {@code field} below {@code prefix}: {@code a.b}, {@code a[2]}, or either alone when the other is empty. */
    public static String join(String prefix, String field) {
        if (field.isEmpty()) return prefix;
        return prefix.isEmpty() ? field : prefix + (field.startsWith("[") ? "" : ".") + field;
    }

    /** The {@link BadField} a binding failed on, when a value's own check refused it. */
    public static Optional<BadField> badField(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof BadField b) return Optional.of(b);
        return Optional.empty();
    }
}
