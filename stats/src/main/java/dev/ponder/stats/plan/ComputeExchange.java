package dev.ponder.stats.plan;

/**
 * Train-time against test-time compute.
 * <ul>
 *   <li>Snell et al. 2024 ("Scaling LLM Test-Time Compute Optimally...", arXiv:2408.03314): pretraining costs
 *       6 N D_pre FLOPs and inference 2 N D_inf, so a model M times larger costs the same as the small model
 *       spending M + 3 (D_pre / D_inf)(M - 1) times more inference compute.</li>
 *   <li>Jones 2021 ("Scaling Scaling Laws with Board Games", arXiv:2104.03113): about 15x test-time compute buys
 *       what 10x train-time compute buys, i.e. test multiplier = 15^(log10 train multiplier).</li>
 * </ul>
 */
public final class ComputeExchange {
    private ComputeExchange() {}

    /** Inference-compute multiplier for the small model that matches an M-times-larger model's total FLOPs. */
    public static double snellInferenceMultiplier(double m, double pretrainTokens, double inferenceTokens) {
        if (!(m >= 1)) throw new IllegalArgumentException("model size ratio M must be >= 1, was " + m);
        if (!(pretrainTokens > 0 && inferenceTokens > 0)) {
            throw new IllegalArgumentException("token counts must be > 0: D_pre=" + pretrainTokens + " D_inf=" + inferenceTokens);
        }
        return m + 3 * (pretrainTokens / inferenceTokens) * (m - 1);
    }

    /** Test-time compute multiplier worth a train-time multiplier (Jones 2021: 10x train ~ 15x test). */
    public static double jonesTestMultiplier(double trainMultiplier) {
        if (!(trainMultiplier > 0)) throw new IllegalArgumentException("train multiplier must be > 0, was " + trainMultiplier);
        return Math.pow(15, Math.log10(trainMultiplier));
    }
}
