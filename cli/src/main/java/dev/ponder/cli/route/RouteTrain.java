package dev.ponder.cli.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import dev.ponder.lab.outcome.Loaded;
import dev.ponder.lab.outcome.OutcomeReader;
import dev.ponder.lab.route.RouterModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a router model from an outcome folder.")
final class RouteTrain implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--outcomes", required = true, description = "Folder with outcomes.csv (or pass_rates.csv) and queries.jsonl.")
    Path outcomes;

    @Option(names = "--out", required = true, description = "Model file to write (an .embeddings cache is written next to it).")
    Path out;

    @Option(names = "--predictor", defaultValue = "minilm", description = "minilm (kNN/logistic on MiniLM embeddings, chosen by validation) or length-keyword.")
    String predictor;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the validation split and folds.")
    long seed;

    @Option(names = "--json", description = "Print a JSON summary.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!RouterModel.PREDICTORS.contains(predictor))
            throw PonderException.invalid("--predictor must be one of %s, was '%s'", RouterModel.PREDICTORS, predictor);
        long t0 = System.nanoTime();
        Loaded loaded = OutcomeReader.read(outcomes);
        RouterModel m = RouterModel.train(loaded.table(), predictor, seed, out);
        double secs = (System.nanoTime() - t0) / 1e9;
        var w = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("model", out.toString()).put("queries", loaded.table().rows().size()).put("tiers", loaded.table().tiers().size())
                    .put("predictor", m.predictorName()).put("seconds", secs).put("embedding", m.timing());
            ObjectNode v = o.putObject("validation_brier");
            m.validation().forEach(v::put);
            loaded.notes().forEach(o.putArray("notes")::add);
            w.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(o));
        } else {
            loaded.notes().forEach(n -> w.println("note: " + n));
            w.printf(Locale.ROOT, "trained %s on %d queries x %d tiers in %.1f s (%s)%n", m.predictorName(), loaded.table().rows().size(),
                    loaded.table().tiers().size(), secs, m.timing());
            m.validation().forEach((k, b) -> w.printf(Locale.ROOT, "  validation Brier %-32s %.4f%n", k, b));
            w.println("wrote " + out);
        }
        return 0;
    }
}
