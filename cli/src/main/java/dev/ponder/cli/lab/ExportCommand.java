package dev.ponder.cli.lab;

import dev.ponder.core.error.PonderException;
import dev.ponder.lab.store.SampleStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ponder export RUN --parquet DIR}: a stored run's tables as Parquet files, for Spark, Trino, DuckDB or pandas. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a stored run's tables (runs, configs, problems, outcomes, samples, decisions) as Parquet.")
public final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "run id, or latest")
    String run;

    @Option(names = "--parquet", required = true, paramLabel = "DIR", description = "folder for <table>.parquet")
    Path dir;

    @Option(names = "--store", description = "the sample store (default ${DEFAULT-VALUE})", defaultValue = ".ponder/lab.duckdb")
    Path store;

    @Override
    public Integer call() {
        try (SampleStore s = ReportCommand.Stores.open(store)) {
            String id = s.run(run).map(r -> r.runId()).orElseThrow(() -> new PonderException(PonderException.Kind.NOT_FOUND,
                    "no run \"" + run + "\" in " + store + "; runs: " + s.runs().stream().map(r -> r.runId()).toList()));
            for (Path p : s.exportParquet(id, dir)) spec.commandLine().getOut().println(p);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
