package dev.ponder.cli.route;

import dev.ponder.cli.io.Bars;
import dev.ponder.lab.outcome.Loaded;
import dev.ponder.lab.outcome.OutcomeReader;
import dev.ponder.lab.route.RouterEvaluation;
import dev.ponder.lab.route.RouterModel;
import dev.ponder.lab.route.RouterReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Quality-cost curve, APGR and cost shares of a router on queries it was not trained on.")
final class RouteEval implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model file from 'ponder route train'.")
    Path model;

    @Option(names = "--outcomes", required = true, description = "Outcome folder to evaluate on.")
    Path outcomes;

    @Option(names = "--folds", defaultValue = "5", description = "Folds when the folder overlaps the training queries.")
    int folds;

    @Option(names = "--bootstrap", defaultValue = "200", description = "Bootstrap resamples for the intervals.")
    int resamples;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for folds and bootstrap.")
    long seed;

    @Option(names = "--quiet", description = "No progress bar (there is none when stderr is not a terminal).")
    boolean quiet;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Loaded loaded = OutcomeReader.read(outcomes);
        RouterModel m = RouterModel.load(model);
        RouterReport r;
        try (var bar = Bars.open("folds", folds, quiet || json)) {
            r = RouterEvaluation.run(m, loaded.table(), folds, seed, resamples, loaded.notes(), bar::step);
        }
        spec.commandLine().getOut().print(json ? ReportJson.of(r) : ReportText.of(r));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
