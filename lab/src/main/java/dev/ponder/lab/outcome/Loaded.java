package dev.ponder.lab.outcome;

import dev.ponder.core.route.OutcomeTable;
import java.util.List;

/** An outcome table read from a folder, and what the reader skipped or dropped (one line each). */
public record Loaded(OutcomeTable table, List<String> notes) {
    public Loaded {
        notes = List.copyOf(notes);
    }
}
