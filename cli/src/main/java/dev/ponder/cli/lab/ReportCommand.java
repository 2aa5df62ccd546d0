package dev.ponder.cli.lab;

import dev.ponder.core.error.PonderException;
import dev.ponder.lab.report.Report;
import dev.ponder.lab.store.SampleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ponder report RUN}: the HTML evidence report of a stored run, with PNG and SVG charts. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a run's report: a self-contained index.html plus PNG/SVG charts and the tables behind them.")
public final class ReportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "run id, or latest")
    String run;

    @Option(names = "--out", description = "output folder (default .ponder/reports/RUN)")
    Optional<Path> out = Optional.empty();

    @Option(names = "--store", description = "the sample store (default ${DEFAULT-VALUE})", defaultValue = ".ponder/lab.duckdb")
    Path store;

    @Override
    public Integer call() {
        try (SampleStore s = Stores.open(store)) {
            String id = s.run(run).map(r -> r.runId()).orElse(run);
            Path page = Report.write(s, id, out.orElse(Path.of(".ponder", "reports", id)));
            spec.commandLine().getOut().println("report: " + page.toAbsolutePath());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    public static final class Stores {
        private Stores() {}

        public static SampleStore open(Path file) {
            if (!Files.exists(file)) {
                throw new PonderException(PonderException.Kind.NOT_FOUND,
                        "no sample store at " + file + " (run a plan first: ponder run PLAN, or pass --store FILE)");
            }
            return SampleStore.open(file, InstantSource.system());
        }
    }
}
