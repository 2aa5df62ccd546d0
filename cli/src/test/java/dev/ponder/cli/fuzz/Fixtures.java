package dev.ponder.cli.fuzz;

import dev.ponder.cli.fit.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The valid inputs the fuzz test starts from, one small file or folder of each kind a command reads: a bank, a problem
 * set, a plan, a price catalogue, Chinchilla points, thinking outcomes, router outcomes and a trained router, Java
 * problems and a candidate, a cost workload and proxy traces, a calibration file, a wide table of over-training runs,
 * a paraphrase set for the semantic threshold and a fine-tuning file. Each case gets fresh copies in its own folder, so
 * a case that writes (a report, a model) never changes what the next one reads.
 */
final class Fixtures {
    /** Kinds of input, by what they are: a file or a folder of files. */
    enum Kind { BANK, PROBLEMS, PLAN, PRICES, POINTS, THINKING, ROUTING, ROUTER, JAVA, CANDIDATE, WORKLOAD, TRACES, CALIBRATION, OVERTRAIN, PARAPHRASES,
        FINETUNE }

    final Path root;
    private final Map<Kind, Path> originals = new LinkedHashMap<>();

    Fixtures(Path root) { this.root = root; }

    Path original(Kind k) { return originals.get(k); }

    Map<Kind, Path> originals() { return originals; }

    void build(String serverUrl) throws Exception {
        Path base = Files.createDirectories(root.resolve("originals"));
        originals.put(Kind.BANK, bank(base.resolve("bank")));
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
        originals.put(Kind.PRICES, Files.writeString(base.resolve("prices.json"), "{\"models\": {\"m\": {\"input\": 0.15, \"output\": 0.6},"
                + " \"gpt-4o-mini\": {\"input\": 0.15, \"output\": 0.6}, \"o4-mini\": {\"input\": 1.1, \"output\": 4.4}}}"));
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
        originals.put(Kind.WORKLOAD, Files.writeString(base.resolve("workload.yaml"), """
                name: fuzz
                monthly_queries: 1000
                classes:
                  - {name: replayed, share: 0.25, tier: vote@3:m, assume: {input_tokens: 30, output_tokens: 20}}
                  - {name: quick, share: 0.5, deadline: 5s, tier: single:gpt-4o-mini, assume: {input_tokens: 300, output_tokens: 100}}
                  - name: hard
                    share: 0.25
                    deadline: 30s
                    router: [{tier: "single:gpt-4o-mini", share: 0.5}, {tier: "vote@3:o4-mini", share: 0.5}]
                    assume: {input_tokens: 900, output_tokens: 2000}
                """));
        StringBuilder traces = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            traces.append("{\"id\": \"t").append(i).append("\", \"object\": \"ponder.trace\", \"model\": \"").append(i % 2 == 0 ? "gpt-4o-mini" : "vote@3:o4-mini")
                    .append("\", \"strategy\": \"").append(i % 2 == 0 ? "single" : "vote@3").append("\", \"elapsed_ms\": ").append(800 + 700 * i)
                    .append(", \"status\": ").append(i == 3 ? 502 : 200).append(", \"usage\": {\"input_tokens\": ").append(300 + i)
                    .append(", \"output_tokens\": ").append(90 + 40 * i).append("}}\n");
        }
        originals.put(Kind.TRACES, Files.writeString(base.resolve("traces.jsonl"), traces));
        Path cal = base.resolve("cal.json");
        CliRun made = CliRun.of("calibrate", "--bank", originals.get(Kind.BANK).toString(), "--epsilon", "0.3", "--orders", "3", "--out", cal.toString());
        if (made.exit() != 0) throw new IllegalStateException("could not make the fixture calibration: " + made.err());
        originals.put(Kind.CALIBRATION, cal);
        StringBuilder wide = new StringBuilder("name,train_dataset,params,tokens,loss_c4_val\n");
        for (double n : new double[] {1.1e7, 7.9e7, 1.5e8, 4.1e8, 1.4e9}) {
            for (double m : new double[] {20, 40, 320}) {
                double c = 6 * n * m * n, loss = 1.8 + (150 * Math.pow(m, 0.13) + 400 * Math.pow(m, -0.13)) * Math.pow(c, -0.13) + 0.002 * r.nextGaussian();
                wide.append("rpj-").append(n).append('-').append(m).append(",rpj,").append(n).append(',').append(m * n).append(',').append(loss).append('\n');
            }
        }
        originals.put(Kind.OVERTRAIN, Files.writeString(base.resolve("wide.csv"), wide));
        // three questions of the shipped paraphrase set (CC0, data/semantic/PROVENANCE.md)
        List<String> set = Files.readAllLines(Path.of("..", "data", "semantic", "calibration.jsonl")).subList(0, 3);
        originals.put(Kind.PARAPHRASES, Files.write(base.resolve("paraphrases.jsonl"), set));
        StringBuilder sft = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            sft.append("{\"messages\": [{\"role\": \"system\", \"content\": \"Answer briefly.\"}, {\"role\": \"user\", \"content\": \"What is ").append(i)
                    .append(" + 40?\"}, {\"role\": \"assistant\", \"content\": \"").append(40 + i).append("\"}], \"metadata\": {\"run\": \"bank\"}}\n");
        }
        originals.put(Kind.FINETUNE, Files.writeString(base.resolve("sft.jsonl"), sft));
    }

    /** A bank of four problems, four samples each, every sample's text its own: majorities, verdicts and distinct texts to export. */
    private static Path bank(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("bank.json"), "{\"name\": \"tiny\", \"model\": \"m\"}");
        StringBuilder problems = new StringBuilder(), samples = new StringBuilder();
        int[] correct = {3, 1, 4, 0};
        for (int i = 0; i < correct.length; i++) {
            problems.append("{\"id\": \"p").append(i).append("\", \"question\": \"What is 6 x 7? (").append(i).append(")\", \"reference\": \"42\"}\n");
            for (int j = 0; j < 4; j++) {
                String answer = j < correct[i] ? "42" : String.valueOf(40 + j % 2);
                samples.append("{\"problem_id\": \"p").append(i).append("\", \"index\": ").append(j).append(", \"text\": \"Attempt ").append(j)
                        .append(": the answer is ").append(answer).append("\", \"answer\": \"").append(answer).append("\", \"correct\": ")
                        .append(j < correct[i]).append(", \"output_tokens\": ").append(20 + j).append(", \"cost_usd\": 0.001}\n");
            }
        }
        Files.writeString(dir.resolve("problems.jsonl"), problems);
        Files.writeString(dir.resolve("samples.jsonl"), samples);
        return dir;
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
