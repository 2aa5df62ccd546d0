package dev.ponder.lab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ponder.core.testing.SharedData;
import dev.ponder.lab.plan.LoadedPlan;
import dev.ponder.lab.runner.RunnerTest;
import dev.ponder.lab.store.SampleStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir static Path dir;
    static Path page;

    @BeforeAll
    static void runAndReport() throws Exception {
        LoadedPlan lp = RunnerTest.plan(dir, """
                name: rep
                sources:
                  - {bank: %s, limit: 20}
                  - {bank: %s}
                strategies: [single, vote@3, vote@N-max, adaptive]
                """.formatted(SharedData.shippedBank("game24-gpt4-io"), SharedData.shippedBank("math-qwen25-rm8")));
        try (SampleStore store = SampleStore.open(dir.resolve("s.duckdb"), InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")))) {
            RunnerTest.run(store, lp, false, Optional.empty());
            page = Report.write(store, "latest", dir.resolve("report"));
        }
    }

    @Test
    void writes_a_self_contained_page_with_png_and_svg_charts_and_their_tables() throws Exception {
        String html = Files.readString(page);
        assertThat(html).doesNotContain("<script src").doesNotContain("<link ");
        int charts = count(html, "<figure class=\"chart\"");
        assertThat(charts).isGreaterThanOrEqualTo(7);   // game24: samples, dollars, frontier, pass@k; math: samples, frontier, pass@k
        assertThat(count(html, "class=\"chart-table\"")).isEqualTo(charts);
        assertThat(html).contains("Evidence board").contains("more compute").contains("log c(k) = a k^b");
        try (var files = Files.list(page.getParent())) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names.stream().filter(n -> n.endsWith(".png"))).hasSize(charts);
            assertThat(names.stream().filter(n -> n.endsWith(".svg"))).hasSize(charts);
        }
    }

    /** Opens the page in headless Chromium, reads back what the page's own check script wrote, saves a screenshot. */
    @Test
    void renders_in_headless_chromium_with_no_errors() throws Exception {
        Optional<String> chromium = chromium();
        assumeTrue(chromium.isPresent(), "chromium not installed (scripts/setup-system installs it): skipping the browser test");
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> flags = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--virtual-time-budget=10000");
        String dom = browser(chromium.get(), flags, "--dump-dom", page.toUri().toString());
        Matcher m = Pattern.compile("<div id=\"render-check\"([^>]*)>").matcher(dom);
        assertThat(m.find()).as("render-check in the dumped DOM").isTrue();
        String attrs = m.group(1);
        int charts = count(Files.readString(page), "<figure class=\"chart\"");
        assertThat(attrs).contains("data-done=\"yes\"").contains("data-images-ok=\"" + charts + "\"")
                .contains("data-images-bad=\"0\"").contains("data-errors=\"0\"");
        assertThat(Integer.parseInt(attr(attrs, "data-tables"))).isGreaterThanOrEqualTo(charts + 2);
        Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        browser(chromium.get(), flags, "--screenshot=" + shot, "--window-size=1280,2400", "--hide-scrollbars", page.toUri().toString());
        assertThat(shot).exists();
        assertThat(Files.size(shot)).isGreaterThan(20_000);
    }

    private static String browser(String exe, List<String> flags, String... more) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(exe);
        cmd.addAll(flags);
        cmd.addAll(List.of(more));
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("chromium.err").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("chromium.err"))).isZero();
        return out;
    }

    static Optional<String> chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) return Optional.of(p.toString());
            }
        }
        return Optional.empty();
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : "";
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
        return n;
    }
}
