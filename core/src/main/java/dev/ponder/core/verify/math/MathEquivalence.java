package dev.ponder.core.verify.math;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Equivalence of two MATH-style final answers, as the standard graders judge it (Hendrycks et al. 2021,
 * "Measuring Mathematical Problem Solving With the MATH Dataset"; the PRM800K grader, Lightman et al. 2023; the
 * Qwen2.5-Math evaluation harness {@code math_equal}): normalise both strings, accept equal strings, then compare
 * structure (tuples, intervals, unordered lists, matrices, equations) element by element and leaves numerically
 * within a relative tolerance of 1e-4, evaluating expressions with variables at fixed points instead of using a
 * computer algebra system.
 */
public final class MathEquivalence {

    private static final double REL_TOL = 1e-4;
    private static final Pattern DECIMAL = Pattern.compile("-?\\d*\\.(\\d+)");
    private static final double[][] POINTS = {{0.5772, 1.3247, 2.7183}, {1.6180, 0.4142, 3.1416}, {2.2361, 0.7071, 1.4142}};

    private MathEquivalence() {}

    /** The normalised form used for string comparison (and useful as a voting key). */
    public static String normalize(String answer) {
        return LatexNormalizer.normalize(answer);
    }

    public static boolean equivalent(String answer, String reference) {
        String a = normalize(answer);
        String r = normalize(reference);
        if (!answer.isBlank() && answer.strip().equals(reference.strip())) return true;
        if (a.isEmpty() || r.isEmpty()) return false;
        boolean percent = answer.contains("%") || reference.contains("%");
        return same(a, r, percent, 0);
    }

    private static boolean same(String a, String b, boolean percent, int depth) {
        if (a.equalsIgnoreCase(b)) return true;
        if (depth > 4) return false;
        Optional<List<List<String>>> ma = Structure.matrix(a), mb = Structure.matrix(b);
        if (ma.isPresent() || mb.isPresent()) {
            return ma.isPresent() && mb.isPresent() && sameCells(ma.get(), mb.get(), depth);
        }
        Optional<Structure.Bracketed> ta = Structure.bracketed(a), tb = Structure.bracketed(b);
        if (ta.isPresent() && tb.isPresent()) {
            Structure.Bracketed x = ta.get(), y = tb.get();
            if (x.items().size() != y.items().size()) return false;
            if (x.items().size() == 1) {
                return x.open() == y.open() && x.close() == y.close() && same(x.items().getFirst(), y.items().getFirst(), percent, depth + 1);
            }
            boolean setLike = x.open() == '{' && y.open() == '{';
            if (!setLike && (x.open() != y.open() || x.close() != y.close())) return false;
            return setLike ? sameUnordered(x.items(), y.items(), depth) : sameOrdered(x.items(), y.items(), depth);
        }
        List<String> la = Structure.topLevel(a, ','), lb = Structure.topLevel(b, ',');
        if (la.size() > 1 || lb.size() > 1) return la.size() == lb.size() && sameUnordered(la, lb, depth);
        List<String> ea = Structure.topLevel(a, '='), eb = Structure.topLevel(b, '=');
        if (ea.size() == 2 && eb.size() == 2) return sameOrdered(ea, eb, depth);
        if (ea.size() != eb.size()) return false; // an equation is not a number ("x = 5" lost its "x =" when normalised)
        return numericallyEqual(a, b, percent);
    }

    private static boolean sameOrdered(List<String> a, List<String> b, int depth) {
        for (int i = 0; i < a.size(); i++) if (!same(a.get(i), b.get(i), false, depth + 1)) return false;
        return true;
    }

    private static boolean sameUnordered(List<String> a, List<String> b, int depth) {
        List<String> left = new ArrayList<>(b);
        outer:
        for (String x : a) {
            for (int i = 0; i < left.size(); i++) {
                if (same(x, left.get(i), false, depth + 1)) {
                    left.remove(i);
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    private static boolean sameCells(List<List<String>> a, List<List<String>> b, int depth) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).size() != b.get(i).size() || !sameOrdered(a.get(i), b.get(i), depth)) return false;
        }
        return true;
    }

    private static boolean numericallyEqual(String a, String b, boolean percent) {
        Optional<Expr> ea = ExprParser.parse(a), eb = ExprParser.parse(b);
        if (ea.isEmpty() || eb.isEmpty()) return false;
        TreeSet<String> vars = new TreeSet<>();
        ea.get().collectVariables(vars);
        eb.get().collectVariables(vars);
        double leeway = Math.max(writtenPrecision(a), writtenPrecision(b));
        int compared = 0;
        for (double[] point : POINTS) {
            Map<String, Double> values = new HashMap<>();
            int i = 0;
            for (String v : vars) values.put(v, point[i++ % point.length] + 0.1 * Math.floorDiv(i, point.length));
            double x = ea.get().eval(values), y = eb.get().eval(values);
            if (Double.isNaN(x) && Double.isNaN(y)) continue;
            boolean equal = close(x, y, leeway)
                    || (percent && vars.isEmpty() && (close(x / 100, y, leeway) || close(x, y / 100, leeway)));
            if (!equal) return false;
            compared++;
            if (vars.isEmpty()) break;
        }
        return compared > 0;
    }

    /**
     * Equal up to floating-point error, or up to the precision a decimal answer was written to (0.33333 for 1/3),
     * but never looser than the graders' relative 1e-4 (so 9999 is not 10000 and 0.33 is not 1/3).
     */
    private static boolean close(double x, double y, double leeway) {
        if (Double.isInfinite(x) || Double.isInfinite(y)) return x == y;
        if (Double.isNaN(x) || Double.isNaN(y)) return false;
        double scale = Math.max(Math.abs(x), Math.abs(y));
        double tolerance = Math.max(1e-9 * scale, Math.min(REL_TOL * scale, leeway));
        return Math.abs(x - y) <= tolerance || Math.abs(x - y) <= 1e-12;
    }

    /** Half a unit in the last written place of a plain decimal answer; 0 for exact forms and integers. */
    private static double writtenPrecision(String s) {
        var m = DECIMAL.matcher(s);
        return m.matches() ? 0.5 * Math.pow(10, -m.group(1).length()) : 0;
    }
}
