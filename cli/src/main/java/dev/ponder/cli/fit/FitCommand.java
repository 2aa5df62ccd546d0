package dev.ponder.cli.fit;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ponder fit}: fit scaling laws to measurements, with uncertainty. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit scaling laws: chinchilla (loss vs N, D), overtrain (loss vs compute and tokens per parameter), coverage (pass@k vs k), thinking (accuracy vs thinking tokens).",
        subcommands = {FitChinchilla.class, FitOvertrain.class, FitCoverage.class, FitThinking.class})
public final class FitCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
