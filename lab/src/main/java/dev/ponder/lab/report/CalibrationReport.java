package dev.ponder.lab.report;

import dev.ponder.core.calibrate.Calibration;
import dev.ponder.core.error.PonderException;
import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The page {@code ponder calibrate --report DIR} writes: the risk-versus-samples curve of every rule family (risk on
 * the calibration questions, in-sample), epsilon as a line, the chosen setting marked, the guarantee and notes in words,
 * and the table behind the chart.
 */
public final class CalibrationReport {
    private CalibrationReport() {}

    public static Path write(Calibration c, Path dir) {
        System.setProperty("java.awt.headless", "true");
        try {
            Files.createDirectories(dir);
            Html page = new Html("Ponder calibration: " + c.model());
            page.h(1, "Calibration for " + c.model() + " (" + c.answerKind() + " answers)")
                    .p("Data: " + c.data() + "; " + c.questions() + " questions, " + c.orders() + " sample orders each (seed " + c.seed() + ").")
                    .p(String.format("Chosen: %s (%s), %.2f samples per question against %d at the full budget (in-sample). Guarantee: %s.",
                            c.spec(), c.selection(), c.meanSamples(), c.fullBudget(), c.guarantee()));
            for (String note : c.notes()) page.p(note);
            page.chart(curve(c, dir));
            Path index = dir.resolve("index.html");
            Files.writeString(index, page.finish());
            return index;
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "cannot write the calibration report to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Chart curve(Calibration c, Path dir) throws IOException {
        XYChart ch = Charts.chart("Risk (" + c.risk() + ") vs samples per question, in-sample", "samples per question (log)", c.risk());
        double top = c.epsilon() * 1.5;
        for (Calibration.Point p : c.curve()) top = Math.max(top, p.risk());
        ch.getStyler().setYAxisMax(Math.min(1.0, top * 1.1));
        Map<String, List<Calibration.Point>> byRule = new LinkedHashMap<>();
        for (Calibration.Point p : c.curve()) byRule.computeIfAbsent(p.rule(), k -> new ArrayList<>()).add(p);
        List<List<String>> rows = new ArrayList<>();
        double lo = Double.MAX_VALUE;
        double hi = 1;
        for (var e : byRule.entrySet()) {
            List<Calibration.Point> ps = e.getValue();
            XYSeries s = ch.addSeries(e.getKey(), ps.stream().mapToDouble(p -> Math.max(p.meanSamples(), 1e-9)).toArray(),
                    ps.stream().mapToDouble(Calibration.Point::risk).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            for (Calibration.Point p : ps) {
                lo = Math.min(lo, p.meanSamples());
                hi = Math.max(hi, p.meanSamples());
                boolean chosen = p.spec().equals(c.spec()) && p.rule().equals(c.rule());
                rows.add(List.of(p.spec(), Charts.fmt(p.risk()), Charts.fmt(p.meanSamples()), Charts.fmt(p.pValue()),
                        p.certified() ? "yes" : "no", chosen ? "chosen" : ""));
            }
        }
        XYSeries eps = ch.addSeries("epsilon " + c.epsilon(), new double[] {Math.max(lo, 1e-9), hi}, new double[] {c.epsilon(), c.epsilon()});
        eps.setMarker(SeriesMarkers.NONE);
        eps.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        XYSeries pick = ch.addSeries("chosen: " + c.spec(), new double[] {Math.max(c.meanSamples(), 1e-9)}, new double[] {c.observedRisk()});
        pick.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pick.setMarker(SeriesMarkers.DIAMOND);
        return Charts.save(dir, "calibration-curve", ch, List.of("setting", "risk (in-sample)", "samples/question", "p-value", "certified", ""), rows);
    }
}
