package dev.ponder.core.route;

import dev.ponder.stats.regression.LogisticModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Baseline: per tier, a logistic model of success on {@link TextFeatures}, and cost as a least-squares line in the
 * log length of the prompt (longer prompts cost more input tokens).
 */
final class LengthKeywordTrainer implements Predictor.Trainer {

    @Override
    public String name() {
        return "length-keyword";
    }

    @Override
    public Predictor train(OutcomeTable table) {
        List<OutcomeTable.Row> rows = table.rows();
        if (rows.isEmpty()) throw new IllegalArgumentException("cannot train on an empty outcome table");
        double[][] features = rows.stream().map(r -> TextFeatures.of(r.text())).toArray(double[][]::new);
        List<LogisticModel> success = new ArrayList<>();
        List<double[]> cost = new ArrayList<>();
        for (int t = 0; t < table.tiers().size(); t++) {
            List<double[]> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).has(t)) continue;
                x.add(features[i]);
                y.add(rows.get(i).scores()[t]);
                double len = features[i][1], c = rows.get(i).costs()[t];
                sx += len; sy += c; sxx += len * len; sxy += len * c;
            }
            if (x.isEmpty()) throw new IllegalArgumentException("tier " + table.tiers().get(t) + " has no outcomes to learn from");
            success.add(LogisticModel.fit(x.toArray(double[][]::new), y.stream().mapToDouble(Double::doubleValue).toArray(), 1e-2, 300));
            int n = x.size();
            double var = sxx / n - (sx / n) * (sx / n);
            double slope = var > 1e-12 ? (sxy / n - sx / n * sy / n) / var : 0;
            cost.add(new double[] {sy / n - slope * sx / n, slope});
        }
        return new Fitted(table.tiers(), success, cost);
    }

    private record Fitted(List<Tier> tiers, List<LogisticModel> success, List<double[]> cost) implements Predictor {
        @Override
        public List<TierEstimate> predict(String query) {
            double[] f = TextFeatures.of(query);
            List<TierEstimate> out = new ArrayList<>(tiers.size());
            for (int t = 0; t < tiers.size(); t++) {
                double c = cost.get(t)[0] + cost.get(t)[1] * f[1];
                out.add(new TierEstimate(success.get(t).predict(f), Math.max(0, c)));
            }
            return out;
        }
    }
}
