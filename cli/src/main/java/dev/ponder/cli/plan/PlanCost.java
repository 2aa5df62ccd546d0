package dev.ponder.cli.plan;

import dev.ponder.cli.io.FlagChecks;
import dev.ponder.cli.io.JsonOut;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import dev.ponder.lab.cost.CostPlan;
import dev.ponder.lab.cost.LoadedWorkload;
import dev.ponder.lab.cost.Observations;
import dev.ponder.lab.cost.Projection;
import dev.ponder.lab.cost.StoreObservations;
import dev.ponder.lab.cost.TraceObservations;
import dev.ponder.lab.cost.WorkloadReader;
import dev.ponder.lab.report.CostReport;
import dev.ponder.lab.store.SampleStore;
import dev.ponder.stats.plan.PriceDecline;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ponder plan cost}: a workload's dollars per query and per month, its deadlines, and its cost as prices fall. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Price a workload (query classes with volumes, deadlines and tiers) from the price catalogue and observed or assumed"
                + " tokens; check deadlines against observed latency; project the cost as prices fall.")
final class PlanCost implements Callable<Integer> {
    private static final Pattern RATE = Pattern.compile("([0-9]*\\.?[0-9]+)x?(?:/([0-9]*\\.?[0-9]+)y)?");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "workload file (YAML or JSON), e.g. plans/workload.example.yaml")
    Path workload;

    @Option(names = "--store", description = "sample store to read --run from (default ${DEFAULT-VALUE})", defaultValue = ".ponder/lab.duckdb")
    Path store;

    @Option(names = "--run", description = "a stored run (id or latest) whose outcomes give observed tokens and latency per tier")
    Optional<String> run = Optional.empty();

    @Option(names = "--traces", description = "proxy traces saved from GET /v1/ponder/traces/{id}: one, a JSON array, or one per line (repeatable)")
    List<Path> traces = new ArrayList<>();

    @Option(names = "--prices", description = "price catalogue JSON (default: the shipped one)")
    Optional<Path> prices = Optional.empty();

    @Option(names = "--decline", defaultValue = "3", description = "yearly price-decline factor: 3 (or 3x) is a third of the price each year; 1000x/5y is 1000^(1/5) = 3.98 a year (default ${DEFAULT-VALUE})")
    String decline;

    @Option(names = "--scenarios", split = ",", defaultValue = "1.5,3,10", description = "decline factors for the scenario table (default ${DEFAULT-VALUE})")
    List<String> scenarios;

    @Option(names = "--years", defaultValue = "5", description = "years to project, 1 to 100 (default ${DEFAULT-VALUE})")
    int years;

    @Option(names = "--target-dollars", defaultValue = "0.01", description = "dollars per query whose year each class reaches (default ${DEFAULT-VALUE})")
    double target;

    @Option(names = "--report", description = "also write an HTML page with the projection charts (PNG and SVG) into DIR")
    Optional<Path> report = Optional.empty();

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        FlagChecks.between("--years", years, 1, 100);
        double rate = factor("--decline", decline);
        List<Double> rates = new ArrayList<>();
        for (String s : scenarios) rates.add(factor("--scenarios", s));
        FlagChecks.between("--target-dollars", target, 0, 1e12);
        PriceCatalogue catalogue = prices.map(PriceCatalogue::load).orElseGet(PriceCatalogue::shipped);
        String pricesName = prices.map(p -> "price catalogue " + p).orElse("the shipped price catalogue");
        LoadedWorkload loaded = WorkloadReader.read(workload, catalogue, pricesName);
        CostPlan plan = CostPlan.price(loaded, observations(), catalogue, pricesName);
        Projection projection = Projection.of(plan, rate, rates, years, target);
        PrintWriter out = spec.commandLine().getOut();
        if (json) JsonOut.print(out, CostJson.of(plan, projection));
        else CostText.print(out, plan, projection);
        report.ifPresent(dir -> out.println("report: " + CostReport.write(dir, plan, projection).toAbsolutePath()));
        out.flush();
        return 0;
    }

    private Observations observations() {
        Observations seen = Observations.none();
        if (run.isPresent()) {
            if (!Files.exists(store)) {
                throw new PonderException(PonderException.Kind.NOT_FOUND, "no sample store at " + store + " (run a plan first: ponder run PLAN, or pass --store FILE)");
            }
            try (SampleStore s = SampleStore.open(store, InstantSource.system())) {
                seen = seen.plus(StoreObservations.read(s, run.get()));
            }
        } else if (spec.commandLine().getParseResult().hasMatchedOption("--store")) {
            throw new IllegalArgumentException("--store needs --run ID (a run id, or latest)");
        }
        for (Path t : traces) seen = seen.plus(TraceObservations.read(t));
        return seen;
    }

    /** {@code 3} or {@code 3x} a year, or a multiple over years, {@code 1000x/5y} (1000^(1/5) a year): a factor of at least 1. */
    static double factor(String option, String text) {
        Matcher m = RATE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            double multiple = Double.parseDouble(m.group(1));
            double years = m.group(2) == null ? 1 : Double.parseDouble(m.group(2));
            if (multiple >= 1 && years > 0 && !Double.isInfinite(multiple)) return PriceDecline.over(multiple, years).perYear();
        }
        throw new IllegalArgumentException(option + " takes a yearly decline factor >= 1 such as 3 or 3x (a third of the price each year), or a"
                + " multiple over years such as 1000x/5y, was \"" + text + "\"");
    }
}
