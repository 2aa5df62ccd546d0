package dev.ponder.lab.cost;

/**
 * A workload value that binds but makes no sense, with the path of the field relative to the object that found it
 * ({@code share}, {@code classes[2].monthly_queries}); the reader adds where that object sits and finds the line.
 */
final class BadField extends IllegalArgumentException {
    private final String field;

    BadField(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() { return field; }
}
