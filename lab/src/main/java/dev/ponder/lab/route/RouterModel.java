package dev.ponder.lab.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.json.JsonErrors;
import dev.ponder.core.json.TextFiles;
import dev.ponder.core.route.SpendCalibration;
import dev.ponder.core.route.TierEstimate;
import dev.ponder.core.route.OutcomeTable;
import dev.ponder.core.route.Predictor;
import dev.ponder.core.route.Router;
import dev.ponder.core.route.Tier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A trained router file: the settings, the training outcomes (so the file says which queries it was trained on),
 * the predictor the validation picked and held-out estimates for calibrating target knobs. Predictors are refit
 * from the stored outcomes when the file is loaded (deterministic; seconds with the embedding cache next to it).
 */
public final class RouterModel {
    static final String FORMAT = "ponder-router/1";
    public static final List<String> PREDICTORS = List.of("minilm", "length-keyword");
    private final String predictor;
    private final String candidate;
    private final long seed;
    private final OutcomeTable trainedOn;
    private final Map<String, Double> validation;
    private final List<List<TierEstimate>> calibration;
    private final Path file;

    private RouterModel(String predictor, String candidate, long seed, OutcomeTable trainedOn, Map<String, Double> validation,
                        List<List<TierEstimate>> calibration, Path file) {
        if (!PREDICTORS.contains(predictor)) throw PonderException.invalid("unknown predictor '%s' (one of %s)", predictor, PREDICTORS);
        this.predictor = predictor;
        this.candidate = candidate;
        this.seed = seed;
        this.trainedOn = trainedOn;
        this.validation = validation;
        this.calibration = calibration;
        this.file = file;
    }

    /** Trains on every query of {@code table}, writes the model file (and its embedding cache) to {@code out}. */
    public static RouterModel train(OutcomeTable table, String predictor, long seed, Path out) {
        Embeddings emb = embeddingsFor(out);
        RouterModel m;
        if (predictor.equals("minilm")) {
            EmbeddingTrainer.Selection s = new EmbeddingTrainer(emb, seed).select(table);
            m = new RouterModel(predictor, s.best().name(), seed, table, s.brier(), s.validation(), out);
        } else {
            m = new RouterModel(predictor, predictor, seed, table, Map.of(), List.of(), out);
        }
        m.save(out);
        if (predictor.equals("minilm")) EmbeddingCache.save(EmbeddingCache.next(out), emb.memo());
        m.timing = emb.timing();
        return m;
    }

    private String timing = "";

    /** How long embedding took in this process (empty for the baseline). */
    public String timing() {
        return timing;
    }

    public String predictorName() {
        return predictor.equals("minilm") ? "minilm " + candidate : predictor;
    }

    public Map<String, Double> validation() {
        return validation;
    }

    public Set<String> trainedIds() {
        return trainedOn.rows().stream().map(OutcomeTable.Row::id).collect(Collectors.toSet());
    }

    public List<Tier> tiers() {
        return trainedOn.tiers();
    }

    /** A router refit from the stored outcomes, calibrated on the stored held-out estimates. */
    public Router router() {
        Embeddings emb = embeddingsFor(file);
        return Router.of(fit(trainedOn, emb, false), SpendCalibration.of(calibration));
    }

    Embeddings embeddings() {
        return embeddingsFor(file);
    }

    /** Fits this model's predictor on {@code table}; {@code reselect} repeats the validation choice (for cross-validation). */
    Predictor fit(OutcomeTable table, Embeddings emb, boolean reselect) {
        if (predictor.equals("length-keyword")) return Predictor.lengthKeyword().train(table);
        return reselect ? new EmbeddingTrainer(emb, seed).train(table) : EmbeddingPredictor.fit(Candidate.parse(candidate), table, emb);
    }

    boolean usesEmbeddings() {
        return predictor.equals("minilm");
    }

    OutcomeTable trainedOn() {
        return trainedOn;
    }

    long seed() {
        return seed;
    }

    private static Embeddings embeddingsFor(Path modelFile) {
        Embeddings emb = Embeddings.miniLm();
        EmbeddingCache.load(EmbeddingCache.next(modelFile), emb.memo());
        return emb;
    }

    void save(Path out) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT).put("predictor", predictor).put("candidate", candidate).put("seed", seed);
        ArrayNode tiers = root.putArray("tiers");
        trainedOn.tiers().forEach(t -> tiers.add(t.name()));
        ObjectNode v = root.putObject("validation_brier");
        validation.forEach(v::put);
        ArrayNode cal = root.putArray("calibration");
        for (List<TierEstimate> q : calibration) {
            ArrayNode a = cal.addArray();
            for (TierEstimate e : q) a.addArray().add(e.success()).add(e.cost());
        }
        ArrayNode rows = root.putArray("trained_on");
        for (OutcomeTable.Row r : trainedOn.rows()) {
            ObjectNode o = rows.addObject().put("id", r.id()).put("text", r.text());
            ArrayNode s = o.putArray("scores"), c = o.putArray("costs");
            for (double x : r.scores()) s.add(x);
            for (double x : r.costs()) c.add(x);
        }
        if (Files.isDirectory(out)) throw PonderException.invalid("%s is a directory: give the model a file name, e.g. %s", out, out.resolve("router.json"));
        try {
            json.writeValue(out.toFile(), root);
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, out + ": cannot write the model: " + e.getMessage(), e);
        }
    }

    public static RouterModel load(Path file) {
        if (!Files.isRegularFile(file)) throw new PonderException(PonderException.Kind.NOT_FOUND, "router model not found: " + file);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(TextFiles.read(file, "router model"));
        } catch (JsonProcessingException e) {
            throw PonderException.invalid("%s:%s: not a router model (JSON): %s", file, JsonErrors.where(e),
                    JsonErrors.what(e));
        }
        if (root == null || !root.isObject()) throw PonderException.invalid("%s: not a router model (a JSON object from ponder route train)", file);
        if (!FORMAT.equals(root.path("format").asText()))
            throw PonderException.invalid("%s: field 'format' must be '%s', was '%s'", file, FORMAT, root.path("format").asText());
        for (String f : List.of("predictor", "candidate", "seed", "tiers", "trained_on"))
            if (!root.has(f)) throw PonderException.invalid("%s: missing field '%s'", file, f);
        List<Tier> tiers = new ArrayList<>();
        root.get("tiers").forEach(t -> tiers.add(Tier.parse(t.asText())));
        List<OutcomeTable.Row> rows = new ArrayList<>();
        for (JsonNode r : root.get("trained_on")) {
            double[] s = doubles(r.get("scores")), c = doubles(r.get("costs"));
            rows.add(new OutcomeTable.Row(r.get("id").asText(), r.get("text").asText(), s, c));
        }
        Map<String, Double> validation = new LinkedHashMap<>();
        root.path("validation_brier").properties().forEach(e -> validation.put(e.getKey(), e.getValue().asDouble()));
        List<List<TierEstimate>> cal = new ArrayList<>();
        for (JsonNode q : root.path("calibration")) {
            List<TierEstimate> es = new ArrayList<>();
            q.forEach(e -> es.add(new TierEstimate(e.get(0).asDouble(), e.get(1).asDouble())));
            cal.add(es);
        }
        return new RouterModel(root.get("predictor").asText(), root.get("candidate").asText(), root.get("seed").asLong(),
                new OutcomeTable(tiers, rows), validation, cal, file);
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).asDouble();
        return d;
    }
}
