package dev.ponder.cli.fuzz;

import dev.ponder.cli.fuzz.Case.Arg;
import dev.ponder.cli.fuzz.Fixtures.Kind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The valid command line of each command the fuzz test spoils, built from one case's copies of the inputs; a command
 * with several modes (export's Parquet, training data and validation) has a line for each. Names start with the
 * command's words, so the test can check that every command has one.
 */
final class Bases {
    /**
     * What a case's command line may point at besides its inputs: the fake server, the store every case shares with the
     * run the test stored first in it (and that run's full-budget configuration), and the case's own folder.
     */
    record Env(String url, Path store, String run, String fullConfig, Path scratch) {}

    private Bases() {}

    static Map<String, BiFunction<Map<Kind, Path>, Env, Case>> all() {
        Map<String, BiFunction<Map<Kind, Path>, Env, Case>> m = new LinkedHashMap<>();
        m.put("run", (in, e) -> new Case(List.of("run")).with(Arg.input("--bank", in.get(Kind.BANK), Kind.BANK)).with(Arg.flag("--quiet"))
                .with(Arg.of("--base-url", e.url())).with(Arg.of("--api-key-env", "PONDER_FUZZ_NO_KEY")).with(Arg.of("--retries", 0))
                .with(Arg.of("--store", e.scratch().resolve("s.duckdb"))).with(Arg.of("--report-dir", e.scratch().resolve("report"))));
        m.put("run PLAN", (in, e) -> new Case(List.of("run")).positional(Arg.input("PLAN", in.get(Kind.PLAN), Kind.PLAN))
                .with(Arg.of("--store", e.store())).with(Arg.flag("--no-report")).with(Arg.flag("--quiet")).with(Arg.of("--retries", 0)));
        m.put("run --problems", (in, e) -> new Case(List.of("run")).with(Arg.input("--problems", in.get(Kind.PROBLEMS), Kind.PROBLEMS))
                .with(Arg.of("--base-url", e.url())).with(Arg.of("--model", "m")).with(Arg.of("--retries", 0)).with(Arg.flag("--quiet"))
                .with(Arg.input("--prices", in.get(Kind.PRICES), Kind.PRICES)));
        m.put("bench strategies", (in, e) -> new Case(List.of("bench", "strategies")).with(Arg.input("--bank", in.get(Kind.BANK), Kind.BANK))
                .with(Arg.of("--permutations", 2)).with(Arg.flag("--no-noisy-sweep")));
        m.put("bench thinking", (in, e) -> new Case(List.of("bench", "thinking")).with(Arg.of("--base-url", e.url())).with(Arg.of("--model", "m"))
                .with(Arg.input("--problems", in.get(Kind.PROBLEMS), Kind.PROBLEMS)).with(Arg.of("--budgets", 16)).with(Arg.of("--limit", 2)));
        m.put("fit chinchilla", (in, e) -> new Case(List.of("fit", "chinchilla")).with(Arg.input("--data", in.get(Kind.POINTS), Kind.POINTS))
                .with(Arg.of("--bootstrap", 3)));
        m.put("fit coverage", (in, e) -> new Case(List.of("fit", "coverage")).with(Arg.input("--bank", in.get(Kind.BANK), Kind.BANK))
                .with(Arg.of("--bootstrap", 5)));
        m.put("fit thinking", (in, e) -> new Case(List.of("fit", "thinking")).with(Arg.input("--outcomes", in.get(Kind.THINKING), Kind.THINKING))
                .with(Arg.of("--bootstrap", 5)));
        m.put("plan samples", (in, e) -> new Case(List.of("plan", "samples")).with(Arg.input("--bank", in.get(Kind.BANK), Kind.BANK))
                .with(Arg.of("--target", 0.5)).with(Arg.of("--bootstrap", 5)).with(Arg.of("--trials", 5)));
        m.put("plan resample", (in, e) -> new Case(List.of("plan", "resample")));
        m.put("plan compute", (in, e) -> new Case(List.of("plan", "compute")));
        m.put("route train", (in, e) -> new Case(List.of("route", "train")).with(Arg.input("--outcomes", in.get(Kind.ROUTING), Kind.ROUTING))
                .with(Arg.of("--out", e.scratch().resolve("router.json"))).with(Arg.of("--predictor", "length-keyword")));
        m.put("route eval", (in, e) -> new Case(List.of("route", "eval")).with(Arg.input("--model", in.get(Kind.ROUTER), Kind.ROUTER))
                .with(Arg.input("--outcomes", in.get(Kind.ROUTING), Kind.ROUTING)).with(Arg.of("--bootstrap", 5)).with(Arg.of("--folds", 2)));
        m.put("verify", (in, e) -> new Case(List.of("verify")).with(Arg.input("--problems", in.get(Kind.JAVA), Kind.JAVA))
                .with(Arg.of("--task", "Tiny/404")).with(Arg.input("--candidate", in.get(Kind.CANDIDATE), Kind.CANDIDATE)));
        m.put("report", (in, e) -> new Case(List.of("report")).positional(Arg.of("RUN", "latest")).with(Arg.of("--store", e.store()))
                .with(Arg.of("--out", e.scratch().resolve("report"))));
        m.put("export", (in, e) -> new Case(List.of("export")).positional(Arg.of("RUN", "latest")).with(Arg.of("--store", e.store()))
                .with(Arg.of("--parquet", e.scratch().resolve("pq"))));
        m.put("run --strategy adaptive:FILE", (in, e) -> new Case(List.of("run")).with(Arg.input("--bank", in.get(Kind.BANK), Kind.BANK))
                .with(Arg.input("--strategy", "adaptive:", in.get(Kind.CALIBRATION), Kind.CALIBRATION)).with(Arg.flag("--quiet"))
                .with(Arg.of("--store", e.scratch().resolve("s.duckdb"))).with(Arg.flag("--no-report")));
        m.put("run --answers semantic", (in, e) -> new Case(List.of("run")).with(Arg.input("--bank", in.get(Kind.BANK), Kind.BANK))
                .with(Arg.of("--answers", "semantic")).with(Arg.of("--strategy", "vote@3")).with(Arg.of("--strategy", "adaptive")).with(Arg.flag("--quiet"))
                .with(Arg.of("--store", e.scratch().resolve("s.duckdb"))).with(Arg.flag("--no-report")));
        m.put("bench strategies --cross-fit", (in, e) -> new Case(List.of("bench", "strategies")).with(Arg.input("--bank", in.get(Kind.BANK), Kind.BANK))
                .with(Arg.of("--permutations", 2)).with(Arg.flag("--no-noisy-sweep")).with(Arg.of("--cross-fit", 2)).with(Arg.of("--epsilon", "0.1,0.3")));
        m.put("bench semantic", (in, e) -> new Case(List.of("bench", "semantic")).with(Arg.input("--set", in.get(Kind.PARAPHRASES), Kind.PARAPHRASES))
                .with(Arg.of("--orders", 2)));
        m.put("calibrate", (in, e) -> new Case(List.of("calibrate")).with(Arg.input("--bank", in.get(Kind.BANK), Kind.BANK)).with(Arg.of("--epsilon", 0.3))
                .with(Arg.of("--orders", 3)).with(Arg.of("--out", e.scratch().resolve("cal.json"))));
        m.put("calibrate --store", (in, e) -> new Case(List.of("calibrate")).with(Arg.of("--store", e.store())).with(Arg.of("--run", e.run()))
                .with(Arg.of("--config", e.fullConfig())).with(Arg.of("--risk", "accuracy")).with(Arg.of("--orders", 3)).with(Arg.flag("--json")));
        m.put("calibrate --splits", (in, e) -> new Case(List.of("calibrate")).with(Arg.input("--bank", in.get(Kind.BANK), Kind.BANK))
                .with(Arg.of("--epsilon", 0.3)).with(Arg.of("--orders", 2)).with(Arg.of("--splits", 3)).with(Arg.of("--seed", 5)).with(Arg.flag("--json")));
        m.put("calibrate --select cross-fit", (in, e) -> new Case(List.of("calibrate")).with(Arg.input("--bank", in.get(Kind.BANK), Kind.BANK))
                .with(Arg.of("--select", "cross-fit")).with(Arg.of("--folds", 2)).with(Arg.of("--repeats", 2)).with(Arg.of("--orders", 2))
                .with(Arg.of("--risk", "accuracy")).with(Arg.of("--report", e.scratch().resolve("report"))));
        m.put("fit overtrain", (in, e) -> new Case(List.of("fit", "overtrain")).with(Arg.input("--data", in.get(Kind.OVERTRAIN), Kind.OVERTRAIN))
                .with(Arg.of("--n-column", "params")).with(Arg.of("--d-column", "tokens")).with(Arg.of("--loss-column", "loss_c4_val"))
                .with(Arg.of("--where", "train_dataset=rpj")).with(Arg.of("--max-params", "1e9")).with(Arg.of("--bootstrap", 3))
                .with(Arg.input("--predict", in.get(Kind.OVERTRAIN), Kind.OVERTRAIN)).with(Arg.of("--predict-where", "params>1e9")));
        m.put("plan cost", (in, e) -> new Case(List.of("plan", "cost")).positional(Arg.input("WORKLOAD", in.get(Kind.WORKLOAD), Kind.WORKLOAD))
                .with(Arg.input("--prices", in.get(Kind.PRICES), Kind.PRICES)).with(Arg.input("--traces", in.get(Kind.TRACES), Kind.TRACES)));
        m.put("plan cost --run", (in, e) -> new Case(List.of("plan", "cost")).positional(Arg.input("WORKLOAD", in.get(Kind.WORKLOAD), Kind.WORKLOAD))
                .with(Arg.input("--prices", in.get(Kind.PRICES), Kind.PRICES)).with(Arg.of("--store", e.store())).with(Arg.of("--run", e.run()))
                .with(Arg.of("--decline", "1000x/5y")).with(Arg.of("--years", 3)).with(Arg.flag("--json")));
        m.put("export --finetune", (in, e) -> new Case(List.of("export")).positional(Arg.of("RUN", e.run())).with(Arg.of("--store", e.store()))
                .with(Arg.of("--accept", "verified")).with(Arg.of("--strategy", "vote@3")).with(Arg.of("--finetune", e.scratch().resolve("sft.jsonl")))
                .with(Arg.of("--preference", e.scratch().resolve("dpo.jsonl"))).with(Arg.of("--frontier", e.scratch().resolve("frontier.jsonl"))));
        m.put("export --bank", (in, e) -> new Case(List.of("export")).with(Arg.input("--bank", in.get(Kind.BANK), Kind.BANK))
                .with(Arg.of("--accept", "majority")).with(Arg.of("--min-agreement", 0.5)).with(Arg.of("--finetune", e.scratch().resolve("sft.jsonl")))
                .with(Arg.of("--holdout", 0.4)).with(Arg.of("--seed", 1)).with(Arg.of("--metadata", "sidecar")).with(Arg.of("--system", "Answer briefly.")));
        m.put("export --validate", (in, e) -> new Case(List.of("export")).with(Arg.input("--validate", in.get(Kind.FINETUNE), Kind.FINETUNE)));
        return m;
    }

    /** The exit code of a base line unspoiled: 0, but for verify, whose line names a task the problems lack. */
    static int unspoiledExit(String name) { return name.equals("verify") ? 2 : 0; }
}
