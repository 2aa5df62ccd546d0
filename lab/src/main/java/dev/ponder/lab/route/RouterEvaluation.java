package dev.ponder.lab.route;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.route.TierEstimate;
import dev.ponder.core.route.OutcomeTable;
import dev.ponder.core.route.Predictor;
import dev.ponder.core.route.Tier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Scores a router model on an outcome table, only ever on queries it was not trained on. If the table shares no
 * query with the model's training set, the model predicts every query. Otherwise the table is split into seeded
 * folds and, per fold, the model's settings (predictor kind and seed; the kNN/logistic choice is re-made by
 * validation inside the fold) are refit on the other folds and predict the fold.
 */
public final class RouterEvaluation {
    private RouterEvaluation() {}

    public static RouterReport run(RouterModel model, OutcomeTable table, int folds, long seed, int resamples, List<String> notes) {
        return run(model, table, folds, seed, resamples, notes, () -> { });
    }

    /** The most folds: each refits the model, and past a few dozen a fold holds too few queries to say anything. */
    public static final int MAX_FOLDS = 50;

    /** As above, calling {@code foldDone} after each fold (a progress bar; once when no fold is needed). */
    public static RouterReport run(RouterModel model, OutcomeTable table, int folds, long seed, int resamples, List<String> notes, Runnable foldDone) {
        int most = Math.min(MAX_FOLDS, table.rows().size());
        if (folds < 2 || folds > most) {
            throw PonderException.invalid("--folds must be in [2, %d] (at most %d, and no more than the %d queries), was %d", most, MAX_FOLDS,
                    table.rows().size(), folds);
        }
        if (resamples < 1 || resamples > 100_000) throw PonderException.invalid("--bootstrap must be in [1, 100000], was %d", resamples);
        Set<String> trained = model.trainedIds();
        long overlap = table.rows().stream().filter(r -> trained.contains(r.id())).count();
        Embeddings emb = model.embeddings();
        List<List<TierEstimate>> estimates;
        String mode;
        if (overlap == 0) {
            Predictor p = aligned(model.fit(model.trainedOn(), emb, false), table.tiers());
            if (model.usesEmbeddings()) emb.warm(table.rows().stream().map(OutcomeTable.Row::text).toList());
            estimates = table.rows().stream().map(r -> p.predict(r.text())).toList();
            mode = "model trained on other queries";
            foldDone.run();
        } else {
            estimates = crossValidate(model, table, folds, seed, emb, foldDone);
            mode = folds + "-fold cross-validation (" + overlap + " of " + table.rows().size() + " queries were in the training set)";
        }
        List<String> all = new ArrayList<>(notes);
        if (model.usesEmbeddings()) all.add(emb.timing());
        return Scoring.score(table, estimates, mode, model.predictorName(), seed, resamples, all);
    }

    static List<List<TierEstimate>> crossValidate(RouterModel model, OutcomeTable table, int folds, long seed, Embeddings emb, Runnable foldDone) {
        List<OutcomeTable.Row> rows = table.rows();
        if (model.usesEmbeddings()) emb.warm(rows.stream().map(OutcomeTable.Row::text).toList());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) order.add(i);
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = order.size() - 1; i > 0; i--) Collections.swap(order, i, rng.nextInt(i + 1));
        Map<Integer, List<TierEstimate>> out = new HashMap<>();
        for (int f = 0; f < folds; f++) {
            List<OutcomeTable.Row> fit = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int j = 0; j < order.size(); j++) {
                if (j % folds == f) test.add(order.get(j)); else fit.add(rows.get(order.get(j)));
            }
            Predictor p = model.fit(table.withRows(fit), emb, true);
            for (int i : test) out.put(i, p.predict(rows.get(i).text()));
            foldDone.run();
        }
        List<List<TierEstimate>> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) result.add(out.get(i));
        return result;
    }

    /** Reorders a predictor's answers to the evaluation table's tier order; every table tier must be known. */
    private static Predictor aligned(Predictor p, List<Tier> tiers) {
        int[] map = new int[tiers.size()];
        for (int t = 0; t < tiers.size(); t++) {
            map[t] = p.tiers().indexOf(tiers.get(t));
            if (map[t] < 0) throw PonderException.invalid("tier %s is in the outcome table but the model was trained without it (model tiers: %s)", tiers.get(t), p.tiers());
        }
        return new Predictor() {
            @Override
            public List<Tier> tiers() {
                return tiers;
            }

            @Override
            public List<TierEstimate> predict(String query) {
                List<TierEstimate> e = p.predict(query);
                List<TierEstimate> o = new ArrayList<>(map.length);
                for (int m : map) o.add(e.get(m));
                return o;
            }
        };
    }
}
