package dev.ponder.core.json;

/**
 * A value in a YAML or JSON file that binds but makes no sense, with the path of the field relative to the object that
 * found it ({@code share}, {@code classes[2].monthly_queries}, or empty for the object itself); the reader adds where
 * that object sits ({@link FieldPath}) and finds the line ({@link FieldLines}).
 */
public final class BadField extends IllegalArgumentException {
    private final String field;

    public BadField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() { return field; }
}
