package dev.ponder.lab.route;

import dev.ponder.core.route.TierEstimate;
import dev.ponder.core.route.OutcomeTable;
import dev.ponder.core.route.Predictor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Picks among kNN and logistic predictors on MiniLM embeddings by the Brier score on a seeded 20% validation
 * split of the training queries, then refits the winner on all of them. The pick follows the one-standard-error
 * rule (Breiman et al. 1984; Hastie, Tibshirani and Friedman, ESL 7.10): the smoothest candidate whose validation
 * Brier is within one standard error of the best. On benchmarks where the text says little about which model will
 * succeed beyond the kind of task (RouterBench), the smoother predictor routes by task and holds up better.
 */
final class EmbeddingTrainer implements Predictor.Trainer {
    static final List<Candidate.Knn> KNN = List.of(new Candidate.Knn(10), new Candidate.Knn(20), new Candidate.Knn(40), new Candidate.Knn(80), new Candidate.Knn(160), new Candidate.Knn(320));
    static final List<Candidate.Logistic> LOGISTIC = List.of(new Candidate.Logistic(0.01), new Candidate.Logistic(0.1));
    static final double VALIDATION_SHARE = 0.2;
    private final Embeddings embeddings;
    private final long seed;

    EmbeddingTrainer(Embeddings embeddings, long seed) {
        this.embeddings = embeddings;
        this.seed = seed;
    }

    /** The winner, every candidate's validation Brier score, and the winner's estimates on the validation queries. */
    record Selection(Candidate best, Map<String, Double> brier, List<List<TierEstimate>> validation) {}

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
        for (int i = rows.size() - 1; i > 0; i--) Collections.swap(rows, i, rng.nextInt(i + 1));
        int cut = (int) Math.max(1, Math.round(rows.size() * VALIDATION_SHARE));
        OutcomeTable valid = table.withRows(rows.subList(0, cut)), fit = table.withRows(rows.subList(cut, rows.size()));
        Map<String, Double> brier = new LinkedHashMap<>();
        Map<String, List<List<TierEstimate>>> estimates = new LinkedHashMap<>();
        standardError.clear();
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
        double bound = brier.get(best) + standardError.get(best);
        List<Candidate> bySmoothness = new ArrayList<>();
        KNN.reversed().forEach(bySmoothness::add);
        LOGISTIC.reversed().forEach(bySmoothness::add);
        String pick = bySmoothness.stream().map(Candidate::name).filter(n -> brier.get(n) <= bound).findFirst().orElse(best);
        return new Selection(Candidate.parse(pick), brier, estimates.get(pick));
    }

    private final Map<String, Double> standardError = new LinkedHashMap<>();

    /** Brier score per validation query (mean over tiers), its mean and the standard error of that mean. */
    private void score(Candidate c, OutcomeTable fit, OutcomeTable valid, Map<String, Double> brier, Map<String, List<List<TierEstimate>>> estimates) {
        EmbeddingPredictor p = EmbeddingPredictor.fit(c, fit, embeddings);
        double sum = 0, sumSq = 0;
        int n = valid.rows().size();
        List<List<TierEstimate>> all = new ArrayList<>();
        for (OutcomeTable.Row r : valid.rows()) {
            List<TierEstimate> e = p.predict(r.text());
            all.add(e);
            double q = 0;
            for (int t = 0; t < e.size(); t++) {
                double d = e.get(t).success() - r.scores()[t];
                q += d * d / e.size();
            }
            sum += q;
            sumSq += q * q;
        }
        double mean = sum / n;
        brier.put(c.name(), mean);
        standardError.put(c.name(), n > 1 ? Math.sqrt(Math.max(0, sumSq / n - mean * mean) / (n - 1)) : 0);
        estimates.put(c.name(), all);
    }
}
