package dev.ponder.lab.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.json.BadField;
import dev.ponder.core.json.FieldPath;
import dev.ponder.lab.plan.PlanReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a workload from YAML or JSON as plans are read: unknown fields, wrong types and values that make no sense
 * are one line naming the file, the line and the field ({@code w.yaml:9: classes[1].share: must be in [0, 1], was 1.4}),
 * and so is a tier whose model has no price in the catalogue.
 */
public final class WorkloadReader {
    private WorkloadReader() {}

    public static LoadedWorkload read(Path file, PriceCatalogue prices, String pricesName) {
        try {
            return parse(file, Files.readString(file, StandardCharsets.UTF_8), prices, pricesName);
        } catch (NoSuchFileException e) {
            throw new PonderException(PonderException.Kind.NOT_FOUND, "workload not found: " + file);
        } catch (IOException e) {
            throw PonderException.invalid("cannot read workload %s: %s", file, e.getMessage());
        }
    }

    public static LoadedWorkload parse(Path file, String text, PriceCatalogue prices, String pricesName) {
        ObjectMapper mapper = LoadedWorkload.mapper(file);
        LoadedWorkload loaded;
        try {
            Workload w = mapper.readValue(text, Workload.class);
            if (w == null) throw PonderException.invalid("%s: the workload is empty", file);
            loaded = new LoadedWorkload(file, text, w, PlanReader.hash(text));
        } catch (JsonMappingException e) {
            BadField bad = FieldPath.badField(e).orElse(null);
            if (bad == null) throw PonderException.invalid("%s", PlanReader.describe(file, text, e));
            String field = FieldPath.join(FieldPath.of(e), bad.field());
            throw PonderException.invalid("%s: %s", LoadedWorkload.at(file, text, field), bad.getMessage());
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw PonderException.invalid("%s:%d: not valid %s: %s", file, line, mapper instanceof YAMLMapper ? "YAML" : "JSON", e.getOriginalMessage());
        }
        checkPrices(loaded, prices, pricesName);
        return loaded;
    }

    private static void checkPrices(LoadedWorkload loaded, PriceCatalogue prices, String pricesName) {
        List<QueryClass> classes = loaded.workload().classes();
        for (int i = 0; i < classes.size(); i++) {
            QueryClass c = classes.get(i);
            List<TierSpec> tiers = c.tiers();
            for (int j = 0; j < tiers.size(); j++) {
                String model = tiers.get(j).model();
                if (prices.find(model).isPresent()) continue;
                // the advice first: the one-line error is capped, and a catalogue lists dozens of models
                throw PonderException.invalid("%s: model \"%s\" has no price in %s; add it to a catalogue and pass --prices FILE (priced: %s)",
                        loaded.at("classes[" + i + "]" + (c.tier().isPresent() ? ".tier" : ".router[" + j + "].tier")), model, pricesName,
                        String.join(", ", prices.all().keySet().stream().sorted().toList()));
            }
        }
    }
}
