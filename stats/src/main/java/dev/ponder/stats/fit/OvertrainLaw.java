package dev.ponder.stats.fit;

/**
 * The over-training law of Gadre et al. 2024 ("Language models scale reliably with over-training and on downstream
 * tasks", arXiv:2403.08540, eq. 4): L(C, M) = E + (a M^eta + b M^-eta) C^-eta, with compute C = 6 N D and token
 * multiplier M = D / N. It is Chinchilla's E + A/N^alpha + B/D^beta with alpha = beta = 2 eta, A = a 6^-eta and
 * B = b 6^-eta: over-training moves the loss by a constant factor at every compute, the exponent stays eta.
 */
public record OvertrainLaw(double E, double a, double b, double eta) implements LossLaw {
    public OvertrainLaw {
        for (double v : new double[] {E, a, b, eta}) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("over-training law parameter is not finite: " + v);
        }
    }

    /** The law from its (N, D) form E + A/N^(2 eta) + B/D^(2 eta), given as (floor, aN, bD, eta) = (E, A, B, eta). */
    public static OvertrainLaw ofParamsAndTokens(double floor, double aN, double bD, double eta) {
        double six = Math.pow(6, eta);
        return new OvertrainLaw(floor, aN * six, bD * six, eta);
    }

    /** Loss at compute C (FLOPs) and token multiplier M. */
    public double lossAt(double flops, double multiplier) {
        return E + (a * Math.pow(multiplier, eta) + b * Math.pow(multiplier, -eta)) * Math.pow(flops, -eta);
    }

    /** Loss of a run with N parameters trained on D tokens. */
    @Override
    public double loss(double n, double d) { return lossAt(6 * n * d, d / n); }

    /** A in the (N, D) form: a 6^-eta. */
    public double paramsCoefficient() { return a * Math.pow(6, -eta); }

    /** B in the (N, D) form: b 6^-eta. */
    public double tokensCoefficient() { return b * Math.pow(6, -eta); }

    /** The exponent of N and of D in the (N, D) form: 2 eta. */
    public double exponent() { return 2 * eta; }

    /** The token multiplier that minimises the loss at a fixed compute, (b / a)^(1 / (2 eta)) (when a, b, eta > 0). */
    public double optimalMultiplier() { return Math.pow(b / a, 1 / (2 * eta)); }
}
