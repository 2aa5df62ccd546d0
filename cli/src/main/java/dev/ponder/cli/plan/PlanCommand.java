package dev.ponder.cli.plan;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ponder plan}: how much compute to spend, from fitted curves and models. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan compute: samples (to reach a target accuracy), resample (imperfect verifier), compute (train vs test), cost (a workload's dollars, deadlines and falling prices).",
        subcommands = {PlanSamples.class, PlanResample.class, PlanCompute.class, PlanCost.class})
public final class PlanCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
