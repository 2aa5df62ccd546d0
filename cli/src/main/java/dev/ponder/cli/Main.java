package dev.ponder.cli;

import dev.ponder.cli.bench.BenchCommand;
import dev.ponder.cli.calibrate.CalibrateCommand;
import dev.ponder.cli.fit.FitCommand;
import dev.ponder.cli.lab.ExportCommand;
import dev.ponder.cli.lab.ReportCommand;
import dev.ponder.cli.plan.PlanCommand;
import dev.ponder.cli.route.RouteCommand;
import dev.ponder.cli.run.RunCommand;
import dev.ponder.cli.serve.ServeCommand;
import dev.ponder.cli.verify.VerifyCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ponder} command. Each subcommand lives in its own package and is registered here. */
@Command(name = "ponder", mixinStandardHelpOptions = true, version = "ponder 0.1.0",
        description = "Test-time compute engine: serve, measure and predict what inference compute buys.",
        subcommands = {
            CommandLine.HelpCommand.class,
            RunCommand.class,
            BenchCommand.class,
            CalibrateCommand.class,
            FitCommand.class,
            PlanCommand.class,
            RouteCommand.class,
            VerifyCommand.class,
            ServeCommand.class,
            ReportCommand.class,
            ExportCommand.class,
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
            code = Errors.report(t, new PrintWriter(System.err, true, System.err.charset()));
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
