package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.cli.fit.CliRun;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The cases a new user hit (issue 16), each ending in one clear line and the right exit code: resource-sized inputs,
 * parse errors without the usage, directories given as files, BOMs, empty inputs, a port in use; and no picocli
 * warning in any command's help.
 */
class OneLineTest {
    @TempDir
    Path dir;

    private static void oneLine(Cli c, int exit, String starts) {
        assertThat(c.exit()).as(c.err()).isEqualTo(exit);
        assertThat(c.err().strip().lines()).as(c.err()).hasSize(1);
        assertThat(c.err()).startsWith(starts).doesNotContain("\tat ");
    }

    @Test
    void every_command_s_help_prints_without_a_picocli_warning() {
        List<List<String>> commands = new ArrayList<>();
        walk(Main.commandLine(), new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(12);
        for (List<String> words : commands) {
            List<String> argv = new ArrayList<>(words);
            argv.add("--help");
            Cli c = Cli.run(argv.toArray(String[]::new));
            assertThat(c.exit()).as("%s", argv).isZero();
            assertThat(c.out() + c.err()).as("%s", argv).doesNotContain("WARN").contains("Usage:");
        }
    }

    private static void walk(CommandLine c, List<String> words, List<List<String>> out) {
        for (var e : c.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            List<String> w = new ArrayList<>(words);
            w.add(e.getKey());
            out.add(w);
            walk(e.getValue(), w, out);
        }
    }

    @Test
    void resource_sized_inputs_are_refused_with_their_bounds() throws Exception {
        Path bank = CliRun.bank(dir.resolve("bank"), 4, 1, 2, 3);
        oneLine(Cli.run("fit", "coverage", "--bank", bank.toString(), "--bootstrap", "2000000000"), 2,
                "ponder: --bootstrap must be in [1, 100000], was 2000000000");
        oneLine(Cli.run("plan", "resample", "--k-max", "100000000"), 2, "ponder: --k-max must be in [1, 10000], was 100000000");
        oneLine(Cli.run("plan", "compute", "--flops", "1e400"), 2, "ponder: --flops must be a number in [1000000.0, 1.0E40], was Infinity");
        oneLine(Cli.run("run", "--bank", bank.toString(), "--limit", "-1"), 2, "ponder: --limit must be >= 1, was -1");
        oneLine(Cli.run("plan", "samples", "--bank", bank.toString(), "--target", "0.5", "--trials", "0"), 2, "ponder: --trials must be in [1, 100000]");
    }

    @Test
    void route_eval_folds_are_bounded_by_the_queries_and_a_ceiling() throws Exception {
        Path o = Files.createDirectories(dir.resolve("outcomes"));
        StringBuilder csv = new StringBuilder("query_id,model,score,cost_usd\n"), q = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            q.append("{\"query_id\": \"").append(i).append("\", \"question\": \"What is ").append(i).append("?\"}\n");
            csv.append(i).append(",cheap,").append(i % 3 == 0 ? 0 : 1).append(",0.001\n").append(i).append(",strong,1,0.02\n");
        }
        Files.writeString(o.resolve("outcomes.csv"), csv);
        Files.writeString(o.resolve("queries.jsonl"), q);
        Path model = dir.resolve("router.json");
        assertThat(Cli.run("route", "train", "--outcomes", o.toString(), "--out", model.toString(), "--predictor", "length-keyword").exit()).isZero();
        oneLine(Cli.run("route", "eval", "--model", model.toString(), "--outcomes", o.toString(), "--folds", "1000"), 2,
                "ponder: --folds must be in [2, 30] (at most 50, and no more than the 30 queries), was 1000");
        oneLine(Cli.run("route", "train", "--outcomes", o.toString(), "--out", dir.toString(), "--predictor", "length-keyword"), 2,
                "ponder: " + dir + " is a directory: give the model a file name");
    }

    @Test
    void parse_errors_are_one_line_that_points_at_help() {
        oneLine(Cli.run("run", "--seed", "abc"), 2, "ponder run: Invalid value for option '--seed': 'abc' is not a long (see 'ponder run --help')");
        oneLine(Cli.run("fit", "coverage"), 2, "ponder fit coverage: Missing required option: '--bank=<bank>' (see 'ponder fit coverage --help')");
        oneLine(Cli.run("nope"), 2, "ponder: Unmatched argument at index 0: 'nope'");
        oneLine(Cli.run("plan", "compute", "--law", "bogus"), 2, "ponder plan compute: Invalid value for option '--law'");
    }

    @Test
    void directories_boms_and_empty_inputs() throws Exception {
        Path bank = CliRun.bank(dir.resolve("bank"), 3, 1, 2);
        oneLine(Cli.run("run", "--bank", bank.toString(), "--prices", dir.toString()), 2, "ponder: price catalogue " + dir + " is a directory, not a file");
        oneLine(Cli.run("run", dir.toString()), 2, "ponder: plan " + dir + " is a directory, not a file");
        oneLine(Cli.run("report", "latest", "--store", dir.toString()), 2, "ponder: sample store " + dir + " is a directory, not a DuckDB file");
        Path readme = Files.writeString(dir.resolve("notes.txt"), "not a store");
        oneLine(Cli.run("export", "latest", "--store", readme.toString(), "--parquet", dir.resolve("pq").toString()), 2,
                "ponder: " + readme + " is not a DuckDB sample store (left untouched");
        assertThat(Files.readString(readme)).isEqualTo("not a store");
        // a byte order mark in front of every file of a bank is read past
        for (String f : List.of("bank.json", "problems.jsonl", "samples.jsonl")) {
            Files.writeString(bank.resolve(f), "\uFEFF" + Files.readString(bank.resolve(f)));
        }
        Cli bom = Cli.run("run", "--bank", bank.toString(), "--strategy", "single");
        assertThat(bom.exit()).as(bom.err()).isZero();
        assertThat(bom.err()).isEmpty();
        Path empty = CliRun.bank(dir.resolve("empty"), 3);
        oneLine(Cli.run("run", "--bank", empty.toString()), 2, "ponder: bank " + empty + " has no problems that could be read");
        Path noRows = Files.writeString(dir.resolve("points.csv"), "N_params,D_tokens,loss\n");
        assertThat(Cli.run("fit", "chinchilla", "--data", noRows.toString()).exit()).isEqualTo(2);
    }

    @Test
    void a_port_in_use_is_one_line() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            oneLine(Cli.run("serve", "--port", String.valueOf(port), "--host", "127.0.0.1"), 2,
                    "ponder: cannot listen on 127.0.0.1:" + port + ": port " + port + " is already in use");
        }
    }
}
