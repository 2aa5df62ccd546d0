package dev.ponder.lab.report;

import dev.ponder.stats.bootstrap.Estimate;
import dev.ponder.stats.interval.Interval;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts, drawn with XChart and saved as PNG and SVG; each comes with the table behind it. */
final class Charts {
    private static final Color BAND = new Color(70, 130, 180, 50);
    private static final Color BAND2 = new Color(220, 120, 60, 50);

    private Charts() {}

    /** Accuracy against samples (or dollars) per problem, log x: the vote@k curve with its band, each strategy with its interval. */
    static Chart accuracy(Path dir, String stem, String source, List<ConfigStats> configs, Optional<PassAtKCurves> curves,
                          boolean dollars, double dollarsPerSample) throws IOException {
        String xName = dollars ? "dollars per problem" : "samples per problem";
        XYChart ch = chart("Accuracy vs " + xName + ": " + source, xName + " (log)", "accuracy");
        List<List<String>> rows = new ArrayList<>();
        if (curves.isPresent()) {
            PassAtKCurves cv = curves.get();
            List<Integer> ks = grid(cv.maxK());
            double[] x = new double[ks.size()], y = new double[ks.size()], lo = new double[ks.size()], hi = new double[ks.size()];
            for (int i = 0; i < ks.size(); i++) {
                int k = ks.get(i);
                Interval m = cv.majority().get(k);
                x[i] = dollars ? k * dollarsPerSample : k;
                y[i] = m.estimate();
                lo[i] = m.low();
                hi[i] = m.high();
                rows.add(List.of("vote@k curve", fmt(x[i]), fmt(m.estimate()), fmt(m.low()), fmt(m.high())));
            }
            band(ch, "vote@k 95% band", x, lo, hi, BAND);
            XYSeries s = ch.addSeries("majority vote@k (from stored samples)", x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
        }
        Map<String, List<ConfigStats>> byFamily = new LinkedHashMap<>();
        for (ConfigStats c : configs) byFamily.computeIfAbsent(c.family(), k -> new ArrayList<>()).add(c);
        for (var e : byFamily.entrySet()) {
            List<ConfigStats> cs = new ArrayList<>(e.getValue());
            cs.sort(Comparator.comparingDouble(c -> xOf(c, dollars)));
            double[] x = cs.stream().mapToDouble(c -> xOf(c, dollars)).toArray();
            double[] y = cs.stream().mapToDouble(c -> c.accuracy().estimate()).toArray();
            XYSeries s = ch.addSeries(e.getKey(), x, y);
            s.setXYSeriesRenderStyle(cs.size() > 1 ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
            for (ConfigStats c : cs) {
                whisker(ch, c.strategy() + " " + c.config().budget() + " " + c.config().seed() + " 95%", xOf(c, dollars), c.accuracy());
                rows.add(List.of(c.strategy() + budgetNote(c), fmt(xOf(c, dollars)), fmt(c.accuracy().estimate()),
                        fmt(c.accuracy().low()), fmt(c.accuracy().high())));
            }
        }
        return save(dir, stem, ch, List.of("series", dollars ? "dollars/problem" : "samples/problem", "accuracy", "95% low", "95% high"), rows);
    }

    /** The cost-accuracy frontier: every configuration, and the line through those no other beats on both cost and accuracy. */
    static Chart frontier(Path dir, String stem, String source, List<ConfigStats> configs, boolean dollars) throws IOException {
        String xName = dollars ? "dollars per problem" : "samples per problem";
        XYChart ch = chart("Cost-accuracy frontier: " + source, xName + " (log)", "accuracy");
        List<ConfigStats> sorted = new ArrayList<>(configs);
        sorted.sort(Comparator.comparingDouble((ConfigStats c) -> xOf(c, dollars)).thenComparingDouble(c -> -c.accuracy().estimate()));
        List<ConfigStats> front = new ArrayList<>();
        double best = -1;
        for (ConfigStats c : sorted) {
            if (c.accuracy().estimate() > best) {
                front.add(c);
                best = c.accuracy().estimate();
            }
        }
        XYSeries all = ch.addSeries("configurations", sorted.stream().mapToDouble(c -> xOf(c, dollars)).toArray(),
                sorted.stream().mapToDouble(c -> c.accuracy().estimate()).toArray());
        all.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        XYSeries f = ch.addSeries("frontier", front.stream().mapToDouble(c -> xOf(c, dollars)).toArray(),
                front.stream().mapToDouble(c -> c.accuracy().estimate()).toArray());
        f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        List<List<String>> rows = new ArrayList<>();
        for (ConfigStats c : sorted) {
            rows.add(List.of(c.strategy() + budgetNote(c), fmt(xOf(c, dollars)), fmt(c.accuracy().estimate()), front.contains(c) ? "yes" : "no"));
        }
        return save(dir, stem, ch, List.of("configuration", dollars ? "dollars/problem" : "samples/problem", "accuracy", "on frontier"), rows);
    }

    /** pass@k with its bootstrap band and the fitted exponentiated power law, and majority-vote@k with its band. */
    static Chart passAtK(Path dir, String stem, String source, PassAtKCurves cv) throws IOException {
        XYChart ch = chart("pass@k and majority@k: " + source + " (" + cv.problems() + " problems)", "k samples (log)", "coverage / accuracy");
        int k = cv.maxK();
        double[] x = new double[k], y = new double[k], lo = new double[k], hi = new double[k];
        for (int i = 0; i < k; i++) {
            Estimate e = cv.passAtK().get(i);
            x[i] = i + 1;
            y[i] = e.value();
            lo[i] = e.low();
            hi[i] = e.high();
        }
        band(ch, "pass@k 95% band", x, lo, hi, BAND);
        XYSeries p = ch.addSeries("pass@k", x, y);
        p.setMarker(SeriesMarkers.NONE);
        List<Integer> ks = grid(k);
        double[] mx = new double[ks.size()], my = new double[ks.size()], ml = new double[ks.size()], mh = new double[ks.size()];
        for (int i = 0; i < ks.size(); i++) {
            Interval m = cv.majority().get(ks.get(i));
            mx[i] = ks.get(i);
            my[i] = m.estimate();
            ml[i] = m.low();
            mh[i] = m.high();
        }
        band(ch, "majority@k 95% band", mx, ml, mh, BAND2);
        ch.addSeries("majority vote@k", mx, my).setMarker(SeriesMarkers.NONE);
        if (cv.fit().isPresent()) {
            var law = cv.fit().get().law().curve();
            int to = cv.fit().get().extrapolateTo();
            List<Integer> lk = grid(to);
            XYSeries l = ch.addSeries(String.format(Locale.ROOT, "fit: log c(k) = %.3f k^%.3f", law.a(), law.b()),
                    lk.stream().mapToDouble(Integer::doubleValue).toArray(), lk.stream().mapToDouble(law::at).toArray());
            l.setMarker(SeriesMarkers.NONE);
            l.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int kk : grid(k)) {
            Estimate e = cv.passAtK().get(kk - 1);
            Interval m = cv.majority().get(kk);
            String fit = cv.fit().map(f -> fmt(f.law().curve().at(kk))).orElse("");
            rows.add(List.of(String.valueOf(kk), fmt(e.value()), fmt(e.low()), fmt(e.high()), fit, fmt(m.estimate()), fmt(m.low()), fmt(m.high())));
        }
        return save(dir, stem, ch, List.of("k", "pass@k", "low", "high", "fitted law", "majority@k", "low", "high"), rows);
    }

    /** 1, 2, 3, 4, 6, 8, 12, 16, ... up to and including max. */
    static List<Integer> grid(int max) {
        List<Integer> out = new ArrayList<>();
        for (int base = 1; base <= max; base *= 2) {
            out.add(base);
            int mid = base + base / 2;
            if (base >= 2 && mid <= max && mid < base * 2) out.add(mid);
        }
        if (out.getLast() != max) out.add(max);
        return out.stream().distinct().sorted().toList();
    }

    static XYChart chart(String title, String x, String y) {
        XYChart ch = styled(title, x, y);
        ch.getStyler().setXAxisLogarithmic(true);
        ch.getStyler().setYAxisMin(0.0);
        ch.getStyler().setYAxisMax(1.0);
        ch.getStyler().setMarkerSize(7);
        return ch;
    }

    /** An empty chart in the report's style: its size, white background, the legend below. */
    static XYChart styled(String title, String x, String y) {
        XYChart ch = new XYChartBuilder().width(760).height(460).title(title).xAxisTitle(x).yAxisTitle(y).build();
        Styler s = ch.getStyler();
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setChartBackgroundColor(Color.WHITE);
        s.setAntiAlias(true);
        return ch;
    }

    private static void band(XYChart ch, String name, double[] x, double[] lo, double[] hi, Color color) {
        if (x.length < 2) return;
        double[] px = new double[x.length * 2];
        double[] py = new double[x.length * 2];
        for (int i = 0; i < x.length; i++) {
            px[i] = x[i];
            py[i] = hi[i];
            px[x.length * 2 - 1 - i] = x[i];
            py[x.length * 2 - 1 - i] = lo[i];
        }
        XYSeries s = ch.addSeries(name, px, py);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(color);
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    private static void whisker(XYChart ch, String name, double x, Interval ci) {
        XYSeries s = ch.addSeries(name, new double[] {x, x}, new double[] {ci.low(), ci.high()});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(Color.GRAY);
        s.setShowInLegend(false);
    }

    private static double xOf(ConfigStats c, boolean dollars) {
        return Math.max(dollars ? c.dollars() : c.samples(), 1e-9);
    }

    private static String budgetNote(ConfigStats c) {
        return c.config().budget().equals("unlimited") ? "" : " (" + c.config().budget() + ")";
    }

    static Chart save(Path dir, String stem, XYChart ch, List<String> header, List<List<String>> rows) throws IOException {
        BitmapEncoder.saveBitmap(ch, dir.resolve(stem).toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(ch, dir.resolve(stem).toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        byte[] png = BitmapEncoder.getBitmapBytes(ch, BitmapEncoder.BitmapFormat.PNG);
        return new Chart(stem, ch.getTitle(), png, header, rows);
    }

    static String fmt(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        return a >= 0.01 && a < 1e5 ? String.format(Locale.ROOT, "%.4f", v) : String.format(Locale.ROOT, "%.3e", v);
    }
}
