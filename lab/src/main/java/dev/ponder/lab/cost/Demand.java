package dev.ponder.lab.cost;

import dev.ponder.core.json.BadField;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A class's part of the month: its share of all queries and its number of queries. With a monthly total, shares are
 * fractions of it and a class may give its count instead; without one, every class gives its count and shares
 * follow. A class that gives both must agree with itself, and shares must sum to 1.
 */
public record Demand(double share, double monthlyQueries) {
    static List<Demand> resolve(Optional<Double> total, List<QueryClass> classes) {
        total.ifPresent(t -> {
            if (!(t >= 0) || Double.isInfinite(t)) throw new BadField("monthly_queries", "must be a number >= 0, was " + t);
        });
        List<Demand> out = new ArrayList<>();
        double sum = total.orElseGet(() -> counted(classes));
        double shares = 0;
        for (int i = 0; i < classes.size(); i++) {
            QueryClass c = classes.get(i);
            String at = "classes[" + i + "].";
            if (c.share().isEmpty() && c.monthlyQueries().isEmpty()) {
                throw new BadField(at + "share", "class " + c.name() + " needs a share (of monthly_queries) or its own monthly_queries");
            }
            double v = c.monthlyQueries().orElseGet(() -> c.share().get() * sum);
            double s = c.share().orElse(sum > 0 ? v / sum : 0);
            if (c.share().isPresent() && c.monthlyQueries().isPresent() && Math.abs(s * sum - v) > Math.max(0.5, 1e-3 * v)) {
                throw new BadField(at + "monthly_queries", String.format(Locale.ROOT, "class %s gives %s queries a month, but its share %s of"
                        + " %s is %s: give one, or make them agree", c.name(), num(v), num(s), num(sum), num(s * sum)));
            }
            shares += s;
            out.add(new Demand(s, v));
        }
        if (sum > 0 && Math.abs(shares - 1) > 1e-6) {
            StringBuilder parts = new StringBuilder();
            for (int i = 0; i < classes.size(); i++) parts.append(i == 0 ? "" : " + ").append(num(out.get(i).share()));
            throw new BadField("classes", "the classes' shares sum to " + num(shares) + " (" + parts + "), they must sum to 1");
        }
        return out;
    }

    private static double counted(List<QueryClass> classes) {
        double sum = 0;
        for (int i = 0; i < classes.size(); i++) {
            QueryClass c = classes.get(i);
            if (c.monthlyQueries().isEmpty()) {
                throw new BadField("classes[" + i + "].share", "class " + c.name() + " gives a share but the workload has no monthly_queries"
                        + " total: give monthly_queries at the top level, or this class's monthly_queries");
            }
            sum += c.monthlyQueries().get();
        }
        if (sum == 0) throw new BadField("classes", "the classes' monthly_queries sum to 0: nothing to price");
        return sum;
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
