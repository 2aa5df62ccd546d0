package dev.ponder.stats.fit;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.util.Pair;

/**
 * The objective of Epoch AI's Chinchilla replication: sum over points of Huber_delta(LSE(a - alpha log N,
 * b - beta log D, e) - log L), with parameters theta = (a, b, e, alpha, beta) and A = exp(a), B = exp(b),
 * E = exp(e). Value and analytic gradient.
 */
final class HuberLogLoss {
    private final double[] logN;
    private final double[] logD;
    private final double[] logL;
    private final double delta;

    HuberLogLoss(double[] logN, double[] logD, double[] logL, double delta) {
        this.logN = logN;
        this.logD = logD;
        this.logL = logL;
        this.delta = delta;
    }

    int size() { return logL.length; }

    double value(double[] t) {
        double a = t[0], b = t[1], e = t[2], alpha = t[3], beta = t[4];
        double sum = 0;
        for (int i = 0; i < logL.length; i++) {
            double x1 = a - alpha * logN[i], x2 = b - beta * logD[i];
            double m = Math.max(e, Math.max(x1, x2));
            double r = m + Math.log(Math.exp(x1 - m) + Math.exp(x2 - m) + Math.exp(e - m)) - logL[i];
            double ar = Math.abs(r);
            sum += ar <= delta ? 0.5 * r * r : delta * (ar - 0.5 * delta);
        }
        return sum;
    }

    double[] gradient(double[] t) {
        double a = t[0], b = t[1], e = t[2], alpha = t[3], beta = t[4];
        double[] g = new double[5];
        for (int i = 0; i < logL.length; i++) {
            double x1 = a - alpha * logN[i], x2 = b - beta * logD[i];
            double m = Math.max(e, Math.max(x1, x2));
            double e1 = Math.exp(x1 - m), e2 = Math.exp(x2 - m), e3 = Math.exp(e - m);
            double s = e1 + e2 + e3;
            double r = m + Math.log(s) - logL[i];
            double h = Math.abs(r) <= delta ? r : Math.copySign(delta, r);
            double w1 = h * e1 / s, w2 = h * e2 / s;
            g[0] += w1;
            g[1] += w2;
            g[2] += h * e3 / s;
            g[3] -= w1 * logN[i];
            g[4] -= w2 * logD[i];
        }
        return g;
    }

    /**
     * Pseudo-residuals rho_i = sign(r_i) sqrt(2 Huber(r_i)) and their Jacobian: the sum of rho_i^2 is twice the
     * objective, and rho is continuously differentiable, so a least-squares optimiser (Levenberg-Marquardt)
     * minimises the Huber objective directly.
     */
    Pair<RealVector, RealMatrix> pseudo(
            RealVector point) {
        double a = point.getEntry(0), b = point.getEntry(1), e = point.getEntry(2);
        double alpha = point.getEntry(3), beta = point.getEntry(4);
        int n = logL.length;
        double[] rho = new double[n];
        double[][] jac = new double[n][5];
        for (int i = 0; i < n; i++) {
            double x1 = a - alpha * logN[i], x2 = b - beta * logD[i];
            double m = Math.max(e, Math.max(x1, x2));
            double e1 = Math.exp(x1 - m), e2 = Math.exp(x2 - m), e3 = Math.exp(e - m);
            double s = e1 + e2 + e3;
            double r = m + Math.log(s) - logL[i];
            double ar = Math.abs(r);
            double slope;
            if (ar <= delta) {
                rho[i] = r;
                slope = 1;
            } else {
                double q = Math.sqrt(2 * delta * ar - delta * delta);
                rho[i] = Math.copySign(q, r);
                slope = delta / q;
            }
            double w1 = slope * e1 / s, w2 = slope * e2 / s;
            jac[i][0] = w1;
            jac[i][1] = w2;
            jac[i][2] = slope * e3 / s;
            jac[i][3] = -w1 * logN[i];
            jac[i][4] = -w2 * logD[i];
        }
        return new Pair<>(new ArrayRealVector(rho, false),
                new Array2DRowRealMatrix(jac, false));
    }
}
