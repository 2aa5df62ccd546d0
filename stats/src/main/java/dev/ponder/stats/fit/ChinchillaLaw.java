package dev.ponder.stats.fit;

/**
 * Chinchilla's parametric loss L(N, D) = E + A / N^alpha + B / D^beta (Hoffmann et al. 2022, "Training
 * Compute-Optimal Large Language Models", Approach 3), with N parameters, D training tokens and C = 6 N D FLOPs.
 */
public record ChinchillaLaw(double E, double A, double B, double alpha, double beta) implements LossLaw {
    /** Hoffmann et al.'s published values. */
    public static final ChinchillaLaw HOFFMANN = new ChinchillaLaw(1.69, 406.4, 410.7, 0.34, 0.28);
    /** Epoch AI's replication (Besiroglu et al. 2024, arXiv:2404.10102), final estimate. */
    public static final ChinchillaLaw EPOCH = new ChinchillaLaw(1.81686, 482.006, 2085.434, 0.34781, 0.36585);

    public ChinchillaLaw {
        for (double v : new double[] {E, A, B, alpha, beta}) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("Chinchilla parameter is not finite: " + v);
        }
    }

    @Override
    public double loss(double n, double d) { return E + A / Math.pow(n, alpha) + B / Math.pow(d, beta); }

    /**
     * The compute-optimal allocation for a FLOP budget C = 6 N D: N_opt = G (C/6)^(beta/(alpha+beta)),
     * D_opt = (C/6) / N_opt, G = (alpha A / (beta B))^(1/(alpha+beta)).
     */
    public Allocation optimal(double flops) {
        if (!(flops > 0)) throw new IllegalArgumentException("compute budget must be > 0 FLOPs, was " + flops);
        double g = Math.pow(alpha * A / (beta * B), 1 / (alpha + beta));
        double n = g * Math.pow(flops / 6, beta / (alpha + beta));
        double d = flops / 6 / n;
        return new Allocation(flops, n, d, d / n, loss(n, d));
    }

    /** A compute-optimal model for a budget: parameters, tokens, tokens per parameter and its predicted loss. */
    public record Allocation(double flops, double params, double tokens, double tokensPerParam, double loss) {}
}
