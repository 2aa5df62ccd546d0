package dev.ponder.lab.outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.json.JsonErrors;
import dev.ponder.core.json.TextFiles;
import dev.ponder.core.route.Tier;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an outcome folder: {@code outcomes.csv} (or {@code pass_rates.csv}), one row per (query, model), and
 * optionally {@code queries.jsonl} (or {@code questions.jsonl}) with each query's text. Column names are in
 * {@link Columns}. Rows with an empty score are skipped; repeated (query, tier) rows are averaged. Tiers covering
 * fewer than half the queries the best-covered tier has are dropped, then queries lacking any remaining tier.
 */
public final class OutcomeReader {
    private static final List<String> OUTCOME_FILES = List.of("outcomes.csv", "pass_rates.csv");
    private static final List<String> QUERY_FILES = List.of("queries.jsonl", "questions.jsonl");
    static final double MIN_COVERAGE = 0.5;

    private OutcomeReader() {}

    public static Loaded read(Path dir) {
        if (!Files.isDirectory(dir)) throw new PonderException(PonderException.Kind.NOT_FOUND, "outcome folder not found: " + dir);
        Path csv = OUTCOME_FILES.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new PonderException(PonderException.Kind.NOT_FOUND,
                        dir + ": no outcome table (looked for " + String.join(", ", OUTCOME_FILES) + ")"));
        List<String> notes = new ArrayList<>();
        Map<String, String> texts = new HashMap<>();
        for (String name : QUERY_FILES) {
            Path q = dir.resolve(name);
            if (Files.isRegularFile(q)) {
                readTexts(q, texts);
                break;
            }
        }
        Map<String, Acc> byQuery = new LinkedHashMap<>();
        Map<Tier, Integer> tierIndex = new LinkedHashMap<>();
        int skipped = readOutcomes(csv, byQuery, tierIndex, texts, notes);
        if (skipped > 0) notes.add(csv.getFileName() + ": skipped " + skipped + " rows with an empty score");
        return new Loaded(Coverage.assemble(byQuery, new ArrayList<>(tierIndex.keySet()), notes), notes);
    }

    /** Running sums for one query. */
    static final class Acc {
        final String text;
        final Map<Integer, double[]> sums = new HashMap<>();   // tier -> {score sum, cost sum, count}

        Acc(String text) {
            this.text = text;
        }
    }

    private static int readOutcomes(Path csv, Map<String, Acc> byQuery, Map<Tier, Integer> tierIndex, Map<String, String> texts, List<String> notes) {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        int skipped = 0;
        boolean costMissing = false;
        try (Reader in = new StringReader(TextFiles.read(csv, "outcome table"));
             MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema).readValues(in)) {
            List<String> header = new ArrayList<>();
            ((CsvSchema) it.getParserSchema()).forEach(c -> header.add(c.getName()));
            String id = Columns.require(header, Columns.ID, csv);
            Optional<String> group = Columns.find(header, Columns.GROUP);
            String model = Columns.require(header, Columns.MODEL, csv);
            Optional<String> strategy = Columns.find(header, Columns.STRATEGY);
            String score = Columns.require(header, Columns.SCORE, csv);
            Optional<String> cost = Columns.find(header, Columns.COST);
            costMissing = cost.isEmpty();
            while (it.hasNextValue()) {
                long line = it.getCurrentLocation().getLineNr();       // the record starts here
                Map<String, String> row = it.nextValue();
                String key = queryKey(row.get(id), group.map(row::get).orElse(null), csv, line);
                String s = row.getOrDefault(score, "");
                if (s == null || s.isBlank()) {
                    skipped++;
                    continue;
                }
                double sc = number(s, score, csv, line);
                if (!(sc >= 0 && sc <= 1)) throw PonderException.invalid("%s:%d: column '%s' must be in [0, 1], was %s", csv, line, score, s);
                double c = cost.isEmpty() ? 1.0 : number(row.getOrDefault(cost.get(), ""), cost.get(), csv, line);
                if (!(c >= 0)) throw PonderException.invalid("%s:%d: column '%s' must be >= 0, was %s", csv, line, cost.get(), c);
                String m = row.getOrDefault(model, "");
                if (m == null || m.isBlank()) throw PonderException.invalid("%s:%d: column '%s' is empty", csv, line, model);
                Tier tier;
                try {
                    tier = strategy.map(st -> new Tier(row.get(st).strip(), m.strip())).orElseGet(() -> Tier.single(m.strip()));
                } catch (IllegalArgumentException e) {
                    throw PonderException.invalid("%s:%d: %s", csv, line, e.getMessage());
                }
                int t = tierIndex.computeIfAbsent(tier, k -> tierIndex.size());
                double[] acc = byQuery.computeIfAbsent(key, k -> new Acc(texts.getOrDefault(k, ""))).sums
                        .computeIfAbsent(t, k -> new double[3]);
                acc[0] += sc;
                acc[1] += c;
                acc[2]++;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PonderException pe) throw pe;
            String why = e instanceof JsonProcessingException j ? JsonErrors.what(j) : e.getMessage();
            throw PonderException.invalid("%s: cannot read the outcome table: %s", csv, why);
        }
        if (costMissing) notes.add(csv.getFileName() + ": no cost column; every call costs 1 unit, so cost shares compare call counts");
        return skipped;
    }

    private static String queryKey(String id, String group, Path file, long line) {
        if (id == null || id.isBlank()) throw PonderException.invalid("%s:%d: empty query id", file, line);
        return group == null || group.isBlank() ? id.strip() : group.strip() + "/" + id.strip();
    }

    private static double number(String s, String column, Path file, long line) {
        try {
            return Double.parseDouble(s.strip().toLowerCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw PonderException.invalid("%s:%d: column '%s' is not a number: '%s'", file, line, column, s);
        }
    }

    private static void readTexts(Path file, Map<String, String> texts) {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = TextFiles.read(file, "query texts").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            JsonNode node;
            try {
                node = json.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                throw PonderException.invalid("%s:%d: not JSON: %s", file, i + 1, JsonErrors.what(e));
            }
            if (!node.isObject()) throw PonderException.invalid("%s:%d: expected a JSON object with a query id and its text", file, i + 1);
            List<String> fields = new ArrayList<>();
            node.properties().forEach(p -> fields.add(p.getKey()));
            String id = Columns.require(fields, Columns.ID, file);
            Optional<String> group = Columns.find(fields, Columns.GROUP);
            Optional<String> text = Columns.find(fields, Columns.TEXT);
            String key = queryKey(node.get(id).asText(), group.map(g -> node.get(g).asText()).orElse(null), file, i + 1);
            String body = text.map(node::get).filter(n -> !n.isNull()).map(JsonNode::asText).orElse("");
            if (body.isBlank()) body = "(no text) " + group.map(g -> node.get(g).asText()).orElse("");
            texts.put(key, PromptText.unwrap(body));
        }
    }
}
