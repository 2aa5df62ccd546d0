package dev.ponder.lab.report;

import dev.ponder.core.error.PonderException;
import dev.ponder.lab.store.ConfigRow;
import dev.ponder.lab.store.RunInfo;
import dev.ponder.lab.store.SampleStore;
import dev.ponder.lab.store.StoredOutcome;
import dev.ponder.lab.store.StoredSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A run's evidence report: {@code index.html} (self-contained) plus each chart as PNG and SVG. Per source:
 * accuracy against samples and against dollars (log x) with interval bands, the cost-accuracy frontier, pass@k and
 * majority@k with the fitted law; across sources, an evidence board of where more compute helps and where it does
 * not; under every chart, the table behind it.
 */
public final class Report {
    private Report() {}

    /** Writes the report of run {@code runId} (or {@code latest}) into {@code dir}; returns the page. */
    public static Path write(SampleStore store, String runId, Path dir) {
        System.setProperty("java.awt.headless", "true");
        RunInfo run = store.run(runId).orElseThrow(() -> new PonderException(PonderException.Kind.NOT_FOUND,
                "no run \"" + runId + "\" in " + store.file() + "; runs: " + store.runs().stream().map(RunInfo::runId).toList()));
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw PonderException.invalid("%s is a file: the report needs a folder", dir);
        try {
            Files.createDirectories(dir);
            return build(store, run, dir);
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path build(SampleStore store, RunInfo run, Path dir) throws IOException {
        String id = run.runId();
        Map<String, List<StoredOutcome>> byConfig = new LinkedHashMap<>();
        for (StoredOutcome o : store.outcomes(id)) byConfig.computeIfAbsent(o.configId(), k -> new ArrayList<>()).add(o);
        Map<String, List<ConfigStats>> bySource = new LinkedHashMap<>();
        for (ConfigRow c : store.configs(id)) {
            List<StoredOutcome> os = byConfig.get(c.configId());
            if (os != null) bySource.computeIfAbsent(c.source() + " / " + c.model(), k -> new ArrayList<>()).add(ConfigStats.of(c, os));
        }
        Html page = new Html("Ponder report: " + id);
        page.h(1, "Ponder report: " + id)
                .p("Plan \"" + run.planName() + "\" (" + run.planFile() + "), started " + run.startedAt() + "; store " + store.file().toAbsolutePath() + ".")
                .p("Accuracy intervals are 95% Wilson intervals over problems; pass@k bands are bootstrap intervals over problems; "
                        + "gains on the evidence board are paired bootstrap intervals over the same problems.");
        List<List<String>> all = new ArrayList<>();
        List<List<String>> board = new ArrayList<>();
        int n = 0;
        Html body = Html.fragment();
        for (var e : bySource.entrySet()) {
            List<ConfigStats> cs = e.getValue();
            ConfigRow first = cs.getFirst().config();
            for (ConfigStats c : cs) {
                all.add(List.of(first.source(), first.domain(), c.config().model(), c.strategy(), c.config().budget(), String.valueOf(c.config().seed()),
                        String.valueOf(c.outcomes().size() + c.failed()), String.valueOf(c.failed()),
                        c.outcomes().isEmpty() ? "-" : Charts.fmt(c.accuracy().estimate()),
                        c.outcomes().isEmpty() ? "-" : "[" + Charts.fmt(c.accuracy().low()) + ", " + Charts.fmt(c.accuracy().high()) + "]",
                        Charts.fmt(c.samples()), Charts.fmt(c.dollars())));
            }
            Board.of(first.domain(), first.source(), cs, first.seed()).ifPresent(b -> board.add(List.of(b.domain(), b.source(),
                    b.cheapest().strategy(), Charts.fmt(b.cheapest().accuracy().estimate()), b.best().strategy(), Charts.fmt(b.best().accuracy().estimate()),
                    Charts.fmt(b.gain().value()) + " [" + Charts.fmt(b.gain().low()) + ", " + Charts.fmt(b.gain().high()) + "]",
                    Charts.fmt(b.best().samples() / Math.max(b.cheapest().samples(), 1e-9)) + "x",
                    b.cheapest().dollars() > 0 ? Charts.fmt(b.best().dollars() / b.cheapest().dollars()) + "x" : "n/a", b.verdict())));
            String stem = ++n + "-" + first.source().replaceAll("[^A-Za-z0-9._-]", "_");
            ConfigStats most = cs.stream().max(Comparator.comparingDouble(ConfigStats::samples)).orElseThrow();
            Map<String, List<StoredSample>> samples = store.samples(id, most.config().configId());
            Optional<PassAtKCurves> curves = PassAtKCurves.of(most.config().configId(), samples, most.config().seed());
            double perSample = samples.values().stream().flatMap(List::stream).mapToDouble(StoredSample::dollars).average().orElse(0);
            boolean hasDollars = cs.stream().anyMatch(c -> c.dollars() > 0);
            body.h(2, e.getKey() + " (" + first.domain() + ")");
            body.chart(Charts.accuracy(dir, stem + "-accuracy-samples", e.getKey(), cs, curves, false, perSample));
            if (hasDollars) body.chart(Charts.accuracy(dir, stem + "-accuracy-dollars", e.getKey(), cs, curves, true, perSample));
            else body.p("No dollars recorded for this source: the dollar chart is left out and the frontier uses samples.");
            body.chart(Charts.frontier(dir, stem + "-frontier", e.getKey(), cs, hasDollars));
            if (curves.isPresent()) {
                body.chart(Charts.passAtK(dir, stem + "-passk", e.getKey(), curves.get()));
                curves.get().fitNote().ifPresent(body::p);
                curves.get().fit().ifPresent(f -> body.p(String.format(Locale.ROOT,
                        "Fitted law (Brown et al. 2024): log c(k) = a k^b with a = %.4f [%.4f, %.4f], b = %.4f [%.4f, %.4f]; "
                                + "extrapolated coverage at k = %d: %.4f [%.4f, %.4f]. Curves from the samples of %s.",
                        f.a().value(), f.a().low(), f.a().high(), f.b().value(), f.b().low(), f.b().high(), f.extrapolateTo(),
                        f.extrapolation().value(), f.extrapolation().low(), f.extrapolation().high(), most.strategy())));
            } else {
                body.p("pass@k and majority@k need at least 2 samples per problem in one configuration; none here.");
            }
        }
        page.h(2, "Evidence board: where more compute helps and where it does not")
                .p("Per source, the cheapest configuration against the most accurate one; the gain is a paired bootstrap 95% interval.")
                .table("board", List.of("domain", "source", "cheapest", "accuracy", "most accurate", "accuracy", "gain [95%]",
                        "samples", "dollars", "verdict"), board)
                .h(2, "All configurations")
                .p("Problems whose calls failed after their retries (server down, refused key, rate limits, bad responses) are counted"
                        + " apart, as failed: accuracy is over the problems that did not fail.")
                .table("configs", List.of("source", "domain", "model", "strategy", "budget", "seed", "problems", "failed", "accuracy", "95% interval",
                        "samples/problem", "dollars/problem"), all)
                .raw(body.content())
                .p("The noisy-verifier curve appears when a plan runs a verifier strategy; this run has none.");
        Path index = dir.resolve("index.html");
        Files.writeString(index, page.finish());
        return index;
    }
}
