package dev.ponder.lab.route;

import dev.ponder.core.route.Estimate;
import dev.ponder.core.route.OutcomeTable;
import dev.ponder.core.route.Predictor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Picks among kNN and logistic predictors on MiniLM embeddings by the Brier score on a seeded 20% validation
 * split of the training queries, then refits the winner on all of them.
 */
final class EmbeddingTrainer implements Predictor.Trainer {
    static final List<Candidate.Knn> KNN = List.of(new Candidate.Knn(10), new Candidate.Knn(20), new Candidate.Knn(40), new Candidate.Knn(80), new Candidate.Knn(160));
    static final List<Candidate.Logistic> LOGISTIC = List.of(new Candidate.Logistic(0.01), new Candidate.Logistic(0.1));
    static final double VALIDATION_SHARE = 0.2;
    private final Embeddings embeddings;
    private final long seed;

    EmbeddingTrainer(Embeddings embeddings, long seed) {
        this.embeddings = embeddings;
        this.seed = seed;
    }

    /** The winner, every candidate's validation Brier score, and the winner's estimates on the validation queries. */
    record Selection(Candidate best, Map<String, Double> brier, List<List<Estimate>> validation) {}

    @Override
    public String name() {
        return "minilm";
    }

    @Override
    public Predictor train(OutcomeTable table) {
        return EmbeddingPredictor.fit(select(table).best(), table, embeddings);
    }

    Selection select(OutcomeTable table) {
        List<OutcomeTable.Row> rows = new ArrayList<>(table.rows());
        if (rows.size() < 10) throw new IllegalArgumentException("need at least 10 queries to train and validate, had " + rows.size());
        embeddings.warm(rows.stream().map(OutcomeTable.Row::text).toList());
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = rows.size() - 1; i > 0; i--) java.util.Collections.swap(rows, i, rng.nextInt(i + 1));
        int cut = (int) Math.max(1, Math.round(rows.size() * VALIDATION_SHARE));
        OutcomeTable valid = table.withRows(rows.subList(0, cut)), fit = table.withRows(rows.subList(cut, rows.size()));
        Map<String, Double> brier = new LinkedHashMap<>();
        Map<String, List<List<Estimate>>> estimates = new LinkedHashMap<>();
        Candidate.Knn bestKnn = null;
        Candidate.Logistic bestLogistic = null;
        for (Candidate.Knn k : KNN) {
            score(k, fit, valid, brier, estimates);
            if (bestKnn == null || brier.get(k.name()) < brier.get(bestKnn.name())) bestKnn = k;
        }
        for (Candidate.Logistic l : LOGISTIC) {
            score(l, fit, valid, brier, estimates);
            if (bestLogistic == null || brier.get(l.name()) < brier.get(bestLogistic.name())) bestLogistic = l;
        }
        score(new Candidate.Blend(bestKnn, bestLogistic), fit, valid, brier, estimates);
        String best = brier.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return new Selection(Candidate.parse(best), brier, estimates.get(best));
    }

    private void score(Candidate c, OutcomeTable fit, OutcomeTable valid, Map<String, Double> brier, Map<String, List<List<Estimate>>> estimates) {
        EmbeddingPredictor p = EmbeddingPredictor.fit(c, fit, embeddings);
        double sum = 0;
        int n = 0;
        List<List<Estimate>> all = new ArrayList<>();
        for (OutcomeTable.Row r : valid.rows()) {
            List<Estimate> e = p.predict(r.text());
            all.add(e);
            for (int t = 0; t < e.size(); t++) {
                double d = e.get(t).success() - r.scores()[t];
                sum += d * d;
                n++;
            }
        }
        brier.put(c.name(), sum / n);
        estimates.put(c.name(), all);
    }
}
