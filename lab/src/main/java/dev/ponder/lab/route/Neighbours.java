package dev.ponder.lab.route;

import dev.ponder.core.route.OutcomeTable;
import java.util.Arrays;
import java.util.List;

/** Brute-force cosine neighbours over the training queries' unit vectors (a few thousand rows: no index needed). */
final class Neighbours {
    private final float[][] vectors;
    private final List<OutcomeTable.Row> rows;
    final double[] tierMeanScore;
    final double[] tierMeanCost;

    Neighbours(float[][] vectors, List<OutcomeTable.Row> rows, int tiers) {
        this.vectors = vectors;
        this.rows = rows;
        this.tierMeanScore = new double[tiers];
        this.tierMeanCost = new double[tiers];
        for (OutcomeTable.Row r : rows)
            for (int t = 0; t < tiers; t++) {
                tierMeanScore[t] += r.scores()[t] / rows.size();
                tierMeanCost[t] += r.costs()[t] / rows.size();
            }
    }

    /** Indices of the k most similar training rows, most similar first. */
    int[] nearest(float[] q, int k) {
        int n = vectors.length;
        k = Math.min(k, n);
        double[] sim = new double[n];
        for (int i = 0; i < n; i++) {
            float[] v = vectors[i];
            double s = 0;
            for (int j = 0; j < v.length; j++) s += v[j] * q[j];
            sim[i] = s;
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(sim[b], sim[a]));
        int[] out = new int[k];
        for (int i = 0; i < k; i++) out[i] = idx[i];
        return out;
    }

    /** Mean score per tier over the first k of {@code nearest}, shrunk toward the tier mean with weight {@code prior}. */
    double[] success(int[] nearest, int k, double prior) {
        int tiers = tierMeanScore.length;
        double[] p = new double[tiers];
        int m = Math.min(k, nearest.length);
        for (int t = 0; t < tiers; t++) {
            double s = prior * tierMeanScore[t];
            for (int i = 0; i < m; i++) s += rows.get(nearest[i]).scores()[t];
            p[t] = s / (m + prior);
        }
        return p;
    }

    double[] cost(int[] nearest, int k) {
        int tiers = tierMeanCost.length;
        double[] c = new double[tiers];
        int m = Math.min(k, nearest.length);
        for (int t = 0; t < tiers; t++) {
            double s = 0;
            for (int i = 0; i < m; i++) s += rows.get(nearest[i]).costs()[t];
            c[t] = m == 0 ? tierMeanCost[t] : s / m;
        }
        return c;
    }
}
