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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (Throwable t) {
            // an Error (out of memory, a stack overflow) passes picocli's handler: it still gets one line and a code
            code = Errors.report(t, new java.io.PrintWriter(System.err, true, System.err.charset()));
        }
        System.exit(code);
    }

    /** The configured command line (also used by tests to run commands in-process). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        Errors errors = new Errors();
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
