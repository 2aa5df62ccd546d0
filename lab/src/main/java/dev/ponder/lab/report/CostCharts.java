package dev.ponder.lab.report;

import dev.ponder.lab.cost.Figures;
import dev.ponder.lab.cost.Projection;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The cost plan's charts: dollars per query by year for each class, and the month's total under each decline rate (log y). */
final class CostCharts {
    private CostCharts() {}

    static Chart perQuery(Path dir, String stem, Projection p) throws IOException {
        XYChart ch = chart("Dollars per query as prices fall " + Figures.factor(p.perYear()) + "x a year", "dollars per query (log)");
        List<List<String>> rows = new ArrayList<>();
        double[] years = years(p.years());
        for (Projection.Series s : p.classes()) {
            for (int y = 0; y < years.length; y++) rows.add(List.of(s.name(), s.tier(), String.valueOf(y), Figures.money(s.byYear().get(y))));
            if (s.byYear().getFirst() > 0) line(ch, s.name(), years, s.byYear());
        }
        if (p.target() > 0) {
            XYSeries t = ch.addSeries("target $" + Figures.money(p.target()) + " per query", new double[] {0, p.years()}, new double[] {p.target(), p.target()});
            t.setMarker(SeriesMarkers.NONE);
            t.setLineColor(Color.GRAY);
            t.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        }
        return Charts.save(dir, stem, ch, List.of("class", "tier", "year", "dollars per query"), rows);
    }

    static Chart scenarios(Path dir, String stem, Projection p) throws IOException {
        XYChart ch = chart("Dollars a month under each decline rate", "dollars per month (log)");
        List<List<String>> rows = new ArrayList<>();
        double[] years = years(p.years());
        for (Projection.Scenario s : p.scenarios()) {
            String name = Figures.factor(s.perYear()) + "x a year";
            for (int y = 0; y < years.length; y++) rows.add(List.of(name, String.valueOf(y), Figures.money(s.monthlyTotal().get(y))));
            if (s.monthlyTotal().getFirst() > 0) line(ch, name, years, s.monthlyTotal());
        }
        return Charts.save(dir, stem, ch, List.of("decline", "year", "dollars per month"), rows);
    }

    private static void line(XYChart ch, String name, double[] x, List<Double> y) {
        XYSeries s = ch.addSeries(name, x, y.stream().mapToDouble(Double::doubleValue).toArray());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.CIRCLE);
    }

    private static double[] years(int n) {
        double[] x = new double[n + 1];
        for (int i = 0; i <= n; i++) x[i] = i;
        return x;
    }

    private static XYChart chart(String title, String y) {
        XYChart ch = Charts.styled(title, "years from now", y);
        ch.getStyler().setYAxisLogarithmic(true);
        ch.getStyler().setMarkerSize(6);
        return ch;
    }
}
