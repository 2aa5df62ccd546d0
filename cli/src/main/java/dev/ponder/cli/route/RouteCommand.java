package dev.ponder.cli.route;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ponder route train|eval}: learn a router from outcome tables and measure it on queries it did not see. */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = "Train and evaluate a router that picks a tier (model + strategy) per query.",
        subcommands = {RouteTrain.class, RouteEval.class})
public final class RouteCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
