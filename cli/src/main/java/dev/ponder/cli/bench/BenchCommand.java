package dev.ponder.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ponder bench}: measurements that compare strategies or components against baselines in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks against baselines in the same run.",
        subcommands = {StrategiesCommand.class, ThinkingCommand.class, SemanticCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
