package dev.ponder.core.confidence;

import java.util.List;

/**
 * A sample's confidence from its token log-probabilities, as DeepConf measures it (Fu et al. 2025, "Deep Think with
 * Confidence"): the token confidence at position i is minus the mean of the top-k log-probabilities there; a group
 * confidence is the mean token confidence over a sliding window of {@code window} tokens; the trace's lowest group
 * confidence is the minimum over all windows (one window of every token when the trace is shorter), a low value
 * marking a stretch where the model was unsure. Also the mean log-probability of the sampled tokens, whose
 * exponential, the geometric-mean token probability in [0, 1], is the weight a sample's {@code confidence} carries in
 * weighted votes and the margin rule ({@link #weight()}). Pure: the backend gives the numbers, this reads them.
 *
 * @param tokens                tokens with log-probabilities
 * @param meanLogProb           mean log-probability of the sampled tokens (at most 0)
 * @param lowestGroupConfidence DeepConf's lowest sliding-window group confidence (at least 0; higher is surer)
 */
public record Confidence(int tokens, double meanLogProb, double lowestGroupConfidence) {

    /** One generated token: its own log-probability and the top-k alternatives' (which include it, as OpenAI returns them). */
    public record Token(double logprob, List<Double> topLogprobs) {
        public Token {
            if (!(logprob <= 1e-9)) throw new IllegalArgumentException("a log-probability must be <= 0, was " + logprob);
            topLogprobs = List.copyOf(topLogprobs);
            for (double t : topLogprobs) {
                if (!(t <= 1e-9)) throw new IllegalArgumentException("a top log-probability must be <= 0, was " + t);
            }
        }

        /** DeepConf's token confidence: minus the mean top-k log-probability (the token's own when none are given). */
        double confidence() {
            if (topLogprobs.isEmpty()) return -logprob;
            double s = 0;
            for (double t : topLogprobs) s += t;
            return -s / topLogprobs.size();
        }
    }

    /** DeepConf's default group size. */
    public static final int WINDOW = 2048;

    public static Confidence of(List<Token> tokens, int window) {
        if (tokens.isEmpty()) throw new IllegalArgumentException("no tokens to measure confidence on");
        if (window < 1) throw new IllegalArgumentException("window must be >= 1, was " + window);
        int n = tokens.size();
        double logSum = 0;
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            logSum += tokens.get(i).logprob();
            c[i] = tokens.get(i).confidence();
        }
        int w = Math.min(window, n);
        double group = 0;
        for (int i = 0; i < w; i++) group += c[i];
        double lowest = group;
        for (int i = w; i < n; i++) {
            group += c[i] - c[i - w];
            lowest = Math.min(lowest, group);
        }
        return new Confidence(n, logSum / n, lowest / w);
    }

    /** The sample's weight: exp(mean log-probability), the geometric-mean probability of its tokens, in [0, 1]. */
    public double weight() { return Math.min(1, Math.exp(meanLogProb)); }
}
