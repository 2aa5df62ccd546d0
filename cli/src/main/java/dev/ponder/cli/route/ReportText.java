package dev.ponder.cli.route;

import dev.ponder.lab.route.RouterReport;
import java.util.Locale;

/** The human form of a report: the curve's distinct points, the baselines and the headline numbers. */
final class ReportText {
    private ReportText() {}

    static String of(RouterReport r) {
        StringBuilder b = new StringBuilder();
        RouterReport.Single s = r.strongest();
        b.append(f("router %s, %s, %d queries%n", r.predictor(), r.mode(), r.queries()));
        b.append(f("strongest single: %s quality %.3f cost %.6g per query%n%n", s.model(), s.quality(), s.cost()));
        b.append(f("%-14s %8s %12s %10s%n", "lambda", "quality", "cost", "cost share"));
        double lastQ = Double.NaN, lastC = Double.NaN;
        for (RouterReport.Point p : r.points()) {
            if (p.quality() == lastQ && p.cost() == lastC) continue;
            lastQ = p.quality();
            lastC = p.cost();
            b.append(f("%-14.4g %8.3f %12.6g %10.3f%n", p.lambda(), p.quality(), p.cost(), p.cost() / s.cost()));
        }
        b.append(f("%nbaselines (every query to one tier):%n"));
        for (RouterReport.Single m : r.singles()) b.append(f("  %-40s %8.3f %12.6g %10.3f%n", m.model(), m.quality(), m.cost(), m.cost() / s.cost()));
        b.append(f("  %-40s %8.3f %12.6g %10.3f%n", "oracle (cheapest best tier per query)", r.oracle().quality(), r.oracle().cost(), r.oracle().cost() / s.cost()));
        b.append(f("%nAPGR %.3f [%.3f, %.3f]%n", r.apgr(), r.apgrInterval()[0], r.apgrInterval()[1]));
        b.append(f("%-22s %10s %18s %16s%n", "share of strongest", "router", "95% interval", "random mix"));
        for (String k : r.costShareAt().keySet()) {
            double[] ci = r.costShareInterval().get(k);
            b.append(f("%-22s %10s %18s %16s%n", k + " quality", share(r.costShareAt().get(k)),
                    "[" + share(ci[0]) + ", " + share(ci[1]) + "]", share(r.randomMixCostShareAt().get(k))));
        }
        r.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
        return b.toString();
    }

    private static String share(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "not reached";
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }
}
