package dev.ponder.lab.route;

import dev.ponder.core.route.TierEstimate;
import dev.ponder.core.route.OutcomeTable;
import dev.ponder.core.route.Predictor;
import dev.ponder.core.route.Tier;
import dev.ponder.stats.regression.LogisticModel;
import java.util.ArrayList;
import java.util.List;

/** A fitted {@link Candidate} over MiniLM embeddings. Cost is always the mean over the nearest {@value #COST_K} queries. */
final class EmbeddingPredictor implements Predictor {
    static final int COST_K = 25;
    static final double PRIOR = 2;
    private final Candidate candidate;
    private final List<Tier> tiers;
    private final Embeddings embeddings;
    private final Neighbours neighbours;
    private final List<LogisticModel> logistic;

    private EmbeddingPredictor(Candidate candidate, List<Tier> tiers, Embeddings embeddings, Neighbours neighbours, List<LogisticModel> logistic) {
        this.candidate = candidate;
        this.tiers = tiers;
        this.embeddings = embeddings;
        this.neighbours = neighbours;
        this.logistic = logistic;
    }

    static EmbeddingPredictor fit(Candidate candidate, OutcomeTable table, Embeddings embeddings) {
        List<OutcomeTable.Row> rows = table.rows();
        if (rows.isEmpty()) throw new IllegalArgumentException("cannot train on an empty outcome table");
        embeddings.warm(rows.stream().map(OutcomeTable.Row::text).toList());
        float[][] vectors = rows.stream().map(r -> embeddings.embed(r.text())).toArray(float[][]::new);
        int tiers = table.tiers().size();
        Neighbours nb = new Neighbours(vectors, rows, tiers);
        List<LogisticModel> models = new ArrayList<>();
        double l2 = switch (candidate) {
            case Candidate.Knn k -> -1;
            case Candidate.Logistic l -> l.l2();
            case Candidate.Blend b -> b.logistic().l2();
        };
        if (l2 >= 0) {
            double[][] x = new double[vectors.length][];
            for (int i = 0; i < vectors.length; i++) x[i] = toDouble(vectors[i]);
            for (int t = 0; t < tiers; t++) {
                double[] y = new double[rows.size()];
                for (int i = 0; i < y.length; i++) y[i] = rows.get(i).scores()[t];
                models.add(LogisticModel.fit(x, y, l2, 200));
            }
        }
        return new EmbeddingPredictor(candidate, table.tiers(), embeddings, nb, models);
    }

    Candidate candidate() {
        return candidate;
    }

    @Override
    public List<Tier> tiers() {
        return tiers;
    }

    @Override
    public List<TierEstimate> predict(String query) {
        float[] q = embeddings.embed(query);
        int kNeeded = candidate instanceof Candidate.Knn k ? Math.max(k.k(), COST_K)
                : candidate instanceof Candidate.Blend b ? Math.max(b.knn().k(), COST_K) : COST_K;
        int[] nearest = neighbours.nearest(q, kNeeded);
        double[] cost = neighbours.cost(nearest, COST_K);
        double[] p = switch (candidate) {
            case Candidate.Knn k -> neighbours.success(nearest, k.k(), PRIOR);
            case Candidate.Logistic l -> logistic(q);
            case Candidate.Blend b -> {
                double[] a = neighbours.success(nearest, b.knn().k(), PRIOR), c = logistic(q);
                for (int t = 0; t < a.length; t++) a[t] = (a[t] + c[t]) / 2;
                yield a;
            }
        };
        List<TierEstimate> out = new ArrayList<>(tiers.size());
        for (int t = 0; t < tiers.size(); t++) out.add(new TierEstimate(Math.min(1, Math.max(0, p[t])), cost[t]));
        return out;
    }

    private double[] logistic(float[] q) {
        double[] x = toDouble(q), p = new double[logistic.size()];
        for (int t = 0; t < p.length; t++) p[t] = logistic.get(t).predict(x);
        return p;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }
}
