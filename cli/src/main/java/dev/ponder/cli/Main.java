package dev.ponder.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ponder} command. Each subcommand lives in its own package and is registered here. */
@Command(name = "ponder", mixinStandardHelpOptions = true, version = "ponder 0.1.0",
        description = "Test-time compute engine: serve, measure and predict what inference compute buys.",
        subcommands = {
            CommandLine.HelpCommand.class,
            dev.ponder.cli.run.RunCommand.class,
            dev.ponder.cli.bench.BenchCommand.class,
            dev.ponder.cli.calibrate.CalibrateCommand.class,
            dev.ponder.cli.fit.FitCommand.class,
            dev.ponder.cli.plan.PlanCommand.class,
            dev.ponder.cli.route.RouteCommand.class,
            dev.ponder.cli.verify.VerifyCommand.class,
            dev.ponder.cli.serve.ServeCommand.class,
            dev.ponder.cli.lab.ReportCommand.class,
            dev.ponder.cli.lab.ExportCommand.class,
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also used by tests to run commands in-process). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new Errors());
        return cl;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
