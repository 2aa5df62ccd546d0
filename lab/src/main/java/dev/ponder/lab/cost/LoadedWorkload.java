package dev.ponder.lab.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ponder.core.json.FieldLines;
import dev.ponder.lab.plan.PlanReader;
import java.nio.file.Path;
import java.util.Locale;

/** A workload as read: the file, its text (to point at a field's line) and the text's hash (to name what was priced). */
public record LoadedWorkload(Path file, String text, Workload workload, String hash) {
    /** {@code file:line: field}, the place to name in a message about {@code field} (a path such as {@code classes[1].tier}). */
    public String at(String field) { return at(file, text, field); }

    static String at(Path file, String text, String field) {
        return file + ":" + FieldLines.lineOf(mapper(file).getFactory(), text, field) + ": " + field;
    }

    static ObjectMapper mapper(Path file) {
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return PlanReader.configure(json ? JsonMapper.builder().build() : YAMLMapper.builder().build());
    }
}
