package dev.ponder.cli.fuzz;

import dev.ponder.cli.fit.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The valid inputs the fuzz test starts from, one small file or folder of each kind a command reads: a bank, a problem
 * set, a plan, a price catalogue, Chinchilla points, thinking outcomes, router outcomes and a trained router, Java
 * problems and a candidate. Each case gets fresh copies in its own folder, so a case that writes (a report, a model)
 * never changes what the next one reads.
 */
final class Fixtures {
    /** Kinds of input, by what they are: a file or a folder of files. */
    enum Kind { BANK, PROBLEMS, PLAN, PRICES, POINTS, THINKING, ROUTING, ROUTER, JAVA, CANDIDATE }

    final Path root;
    private final Map<Kind, Path> originals = new LinkedHashMap<>();

    Fixtures(Path root) { this.root = root; }

    Path original(Kind k) { return originals.get(k); }

    Map<Kind, Path> originals() { return originals; }

    void build(String serverUrl) throws Exception {
        Path base = Files.createDirectories(root.resolve("originals"));
        originals.put(Kind.BANK, CliRun.bank(base.resolve("bank"), 4, 3, 1, 4, 0));
        StringBuilder problems = new StringBuilder();
        for (int i = 0; i < 3; i++) problems.append("{\"id\": \"q").append(i).append("\", \"question\": \"What is ").append(i)
                .append(" + 40?\", \"reference\": \"").append(40 + i).append("\"}\n");
        originals.put(Kind.PROBLEMS, Files.writeString(base.resolve("problems.jsonl"), problems));
        originals.put(Kind.PLAN, Files.writeString(base.resolve("plan.yaml"), """
                name: fuzz
                sources: [{bank: %s}]
                strategies: [single, vote@3]
                seeds: [0]
                """.formatted(originals.get(Kind.BANK))));
        originals.put(Kind.PRICES, Files.writeString(base.resolve("prices.json"), "{\"models\": {\"m\": {\"input\": 0.15, \"output\": 0.6}}}"));
        StringBuilder points = new StringBuilder("N_params,D_tokens,loss\n");
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 12; i++) {
            double n = 1e8 * Math.pow(2, i % 6), d = 2e9 * Math.pow(2, i / 6 + i % 3);
            points.append(n).append(',').append(d).append(',').append(1.7 + 400 / Math.pow(n, 0.34) + 410 / Math.pow(d, 0.28) + 0.001 * r.nextGaussian())
                    .append('\n');
        }
        originals.put(Kind.POINTS, Files.writeString(base.resolve("points.csv"), points));
        Path thinking = Files.createDirectories(base.resolve("thinking"));
        StringBuilder o = new StringBuilder("dataset,query_id,model,score,cost_usd,thinking_tokens\n");
        for (int q = 0; q < 12; q++) o.append("aime,").append(q).append(",a,").append(q % 3 == 0 ? "0.0" : "1.0").append(",0.01,").append(100 + q).append('\n');
        Files.writeString(thinking.resolve("outcomes.csv"), o);
        originals.put(Kind.THINKING, thinking);
        Path routing = Files.createDirectories(base.resolve("routing"));
        StringBuilder csv = new StringBuilder("query_id,model,score,cost_usd\n"), qs = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            qs.append("{\"query_id\": \"").append(i).append("\", \"question\": \"").append(i % 3 == 0 ? "Prove the long statement " + i : "What is " + i + "?")
                    .append("\"}\n");
            csv.append(i).append(",cheap,").append(i % 3 == 0 ? 0 : 1).append(",0.001\n").append(i).append(",strong,1,0.02\n");
        }
        Files.writeString(routing.resolve("outcomes.csv"), csv);
        Files.writeString(routing.resolve("queries.jsonl"), qs);
        originals.put(Kind.ROUTING, routing);
        Path router = base.resolve("router.json");
        CliRun train = CliRun.of("route", "train", "--outcomes", routing.toString(), "--out", router.toString(), "--predictor", "length-keyword");
        if (train.exit() != 0) throw new IllegalStateException("could not train the fixture router: " + train.err());
        originals.put(Kind.ROUTER, router);
        originals.put(Kind.JAVA, Files.writeString(base.resolve("java.jsonl"), "{\"task_id\": \"Tiny/0\", \"prompt\": \"class Solution {\\n\","
                + " \"test\": \"public class Main { public static void main(String[] a) {} }\", \"canonical_solution\": \"}\\n\"}\n"));
        originals.put(Kind.CANDIDATE, Files.writeString(base.resolve("candidate.java"), "    }\n"));
    }

    /** A fresh copy of every original in {@code dir}. */
    Map<Kind, Path> copies(Path dir) {
        Map<Kind, Path> out = new LinkedHashMap<>();
        originals.forEach((k, p) -> out.put(k, copy(p, dir.resolve(p.getFileName()))));
        return out;
    }

    static Path copy(Path from, Path to) {
        try {
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
                try (var s = Files.list(from)) {
                    for (Path f : s.toList()) copy(f, to.resolve(f.getFileName()));
                }
            } else {
                Files.createDirectories(to.getParent());
                Files.copy(from, to);
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
