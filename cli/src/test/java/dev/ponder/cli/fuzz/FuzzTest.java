package dev.ponder.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.cli.Cli;
import dev.ponder.cli.Main;
import dev.ponder.cli.fuzz.Fixtures.Kind;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.lab.store.SampleStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/**
 * The one-line promise under fire: every command (found by walking picocli's command tree) is run in-process from a
 * small valid command line spoiled by seeded mutations (bad flag values by type, spoiled input files and folders,
 * junk, missing required options). Every case must end with an exit code in {0, 1, 2, 3, 130}, no stack trace, every
 * stderr line a "ponder..." line (one per problem, no usage dump), no library internals; and the sample store the
 * cases write next to keeps every row it had. {@code serve}, which would keep running when a case happens to be valid,
 * gets its own fixed cases that all fail.
 */
class FuzzTest {
    private static final long SEED = 16;
    private static final int CASES = 900;
    private static final Set<Integer> CODES = Set.of(0, 1, 2, 3, 130);

    @TempDir
    Path dir;


    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void every_command_keeps_the_one_line_promise_under_hundreds_of_bad_inputs() throws Exception {
        Map<String, BiFunction<Map<Kind, Path>, Bases.Env, Case>> bases = Bases.all();
        assertThat(bases.keySet().stream().map(k -> k.split(" --| PLAN")[0]).distinct().sorted().toList())
                .as("every command but serve has a fuzz base").containsExactlyElementsOf(leaves().stream().filter(l -> !l.equals("serve")).sorted().toList());
        Map<String, CommandSpec> specs = new TreeMap<>();
        Main.commandLine().getSubcommands().values().forEach(c -> collect(c, specs));
        try (var server = FakeOpenAiServer.start()) {
            Fixtures fx = new Fixtures(dir);
            fx.build(server.baseUrl().toString());
            Path store = dir.resolve("lab.duckdb");
            Cli first = Cli.run("run", fx.original(Kind.PLAN).toString(), "--store", store.toString(), "--no-report", "--quiet");
            assertThat(first.exit()).as(first.err()).isZero();
            String run, fullConfig;
            try (SampleStore s = SampleStore.open(store, InstantSource.system())) {
                run = s.runs().getFirst().runId();
                fullConfig = s.configs(run).stream().filter(c -> c.strategy().equals("vote@3")).findFirst().orElseThrow().configId();
            }
            String url = server.baseUrl().toString();
            Map<String, Long> before;
            Map<Kind, String> originals = snapshot(fx);
            for (var e : bases.entrySet()) {
                Path scratch = Files.createDirectories(dir.resolve("base-" + e.getKey().replaceAll("\\W", "_")));
                Case c = e.getValue().apply(fx.copies(scratch.resolve("in")), new Bases.Env(url, store, run, fullConfig, scratch));
                Cli r = Cli.run(c.argv());
                assertThat(r.exit()).as("the unspoiled %s runs (it is what the cases spoil): %s", c, r.err()).isEqualTo(Bases.unspoiledExit(e.getKey()));
            }
            before = counts(store);
            SplittableRandom rng = new SplittableRandom(SEED);
            List<String> names = List.copyOf(bases.keySet());
            Map<String, Map<Integer, Integer>> tally = new TreeMap<>();
            Map<String, Long> millis = new TreeMap<>();
            List<String> lines = new ArrayList<>(), broken = new ArrayList<>();
            PrintStream realErr = System.err, realOut = System.out;
            ByteArrayOutputStream stray = new ByteArrayOutputStream();
            System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(stray, true, StandardCharsets.UTF_8));
            try {
                for (int i = 0; i < CASES; i++) {
                    String name = names.get(rng.nextInt(names.size()));
                    Path scratch = Files.createDirectories(dir.resolve("case-" + i));
                    Map<Kind, Path> copies = fx.copies(scratch.resolve("in"));
                    Case c = bases.get(name).apply(copies, new Bases.Env(url, store, run, fullConfig, scratch));
                    Mutator mutator = new Mutator(rng, scratch, copies);
                    for (int k = 1 + rng.nextInt(3); k > 0; k--) mutator.mutate(c, specs.get(String.join(" ", c.command)));
                    long t0 = System.nanoTime();
                    Cli r = Cli.run(c.argv());
                    millis.merge(name, (System.nanoTime() - t0) / 1_000_000, Long::sum);
                    promise(c, r, broken);
                    tally.computeIfAbsent(name, x -> new TreeMap<>()).merge(r.exit(), 1, Integer::sum);
                    lines.add(r.exit() + "  " + c + "\n     " + r.err().strip().replace("\n", "\n     "));
                }
                try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    for (String[] argv : serveCases(dir, fx, taken.getLocalPort())) {
                        Cli r = Cli.run(argv);
                        Case c = new Case(List.of(argv));
                        promise(c, r, broken);
                        assertThat(r.exit()).as("serve must not start: %s", c).isNotZero();
                        tally.computeIfAbsent("serve", x -> new TreeMap<>()).merge(r.exit(), 1, Integer::sum);
                    }
                }
            } finally {
                System.setErr(realErr);
                System.setOut(realOut);
            }
            realOut.println("fuzz: exit codes by command: " + tally);
            realOut.println("fuzz: milliseconds by command: " + millis);
            // every case, its exit code and what it printed on stderr, for reading (target/fuzz-cases.txt)
            Files.write(Path.of("target", "fuzz-cases.txt"), lines);
            assertThat(broken).as("cases that broke the promise").isEmpty();
            assertThat(stray.toString(StandardCharsets.UTF_8)).as("nothing printed around picocli's writers").doesNotContain("\tat ")
                    .doesNotContain("Exception");
            assertThat(counts(store)).as("the first run's rows are all still there").containsAllEntriesOf(before);
            assertThat(snapshot(fx)).as("the original inputs are untouched").isEqualTo(originals);
            assertThat(Cli.run("report", before.keySet().iterator().next().split("\\|")[0], "--store", store.toString(), "--out",
                    dir.resolve("final-report").toString()).exit()).isZero();
        }
    }

    /** Checks the promise for one case, collecting a broken one, so that one run lists every case that breaks it. */
    private static void promise(Case c, Cli r, List<String> broken) {
        try {
            check(c, r);
        } catch (AssertionError e) {
            broken.add(e.getMessage());
        }
    }

    /** The promise for one case. */
    private static void check(Case c, Cli r) {
        assertThat(CODES).as("exit code of %s; stderr: %s", c, r.err()).contains(r.exit());
        assertThat(r.err()).as("no stack trace: %s", c).doesNotContain("\tat ").doesNotContain("Caused by").doesNotContain("Exception:")
                .doesNotContain("unexpected error");
        assertThat(r.err()).as("no library internals: %s", c).doesNotContain("[Source:").doesNotContain("dev.ponder.")
                .doesNotContain("com.fasterxml").doesNotContain("org.yaml").doesNotContain("picocli WARN");
        for (String line : r.err().split("\n")) {
            if (!line.isBlank()) assertThat(line).as("every stderr line is one of ponder's: %s", c).startsWith("ponder");
        }
        if (r.exit() != 0) assertThat(r.err().strip()).as("a failure says why: %s", c).isNotEmpty();
        if (r.exit() == 2 || r.exit() == 1) {
            assertThat(r.err().strip().lines().filter(l -> !l.startsWith("ponder: warning")).count()).as("one line for the problem: %s", c).isEqualTo(1);
        }
    }

    /** Serve cases that must each fail before the server starts (a valid one would run until killed). */
    private static List<String[]> serveCases(Path dir, Fixtures fx, int takenPort) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        Path array = Files.writeString(dir.resolve("array.yaml"), "[1, 2]\n");
        Path garbage = Files.write(dir.resolve("garbage.yaml"), new byte[] {(byte) 0xFF, 0x00, 0x7B, (byte) 0xC3});
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "server:\n  port: [\n");
        List<String[]> out = new ArrayList<>();
        for (String port : List.of("-1", "abc", "70000", "")) out.add(new String[] {"serve", "--port", port});
        for (Path config : List.of(empty, array, garbage, broken, dir, dir.resolve("missing.yaml"), fx.original(Kind.PLAN))) {
            out.add(new String[] {"serve", "--config", config.toString(), "--port", "0"});
        }
        out.add(new String[] {"serve", "--port", String.valueOf(takenPort), "--host", "127.0.0.1"});
        out.add(new String[] {"serve", "--bogus"});
        return out;
    }

    private static List<String> leaves() {
        List<String> out = new ArrayList<>();
        Map<String, CommandSpec> specs = new TreeMap<>();
        Main.commandLine().getSubcommands().values().forEach(c -> collect(c, specs));
        specs.keySet().forEach(out::add);
        return out;
    }

    /** Leaf commands by their words after "ponder" ("fit coverage"), walking picocli's tree. */
    private static void collect(CommandLine c, Map<String, CommandSpec> out) {
        if (c.getCommandName().equals("help")) return;
        if (c.getSubcommands().isEmpty()) {
            out.put(c.getCommandSpec().qualifiedName(" ").replaceFirst("^ponder ", ""), c.getCommandSpec());
            return;
        }
        c.getSubcommands().values().stream().distinct().forEach(s -> collect(s, out));
    }

    private static Map<String, Long> counts(Path store) {
        Map<String, Long> out = new TreeMap<>();
        try (SampleStore s = SampleStore.open(store, InstantSource.system())) {
            for (var run : s.runs()) {
                for (String table : List.of("outcomes", "samples", "decisions")) out.put(run.runId() + "|" + table, s.count(table, run.runId()));
            }
        }
        return out;
    }

    private static Map<Kind, String> snapshot(Fixtures fx) throws Exception {
        Map<Kind, String> out = new TreeMap<>();
        for (var e : fx.originals().entrySet()) {
            Path p = e.getValue();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    for (Path f : s.sorted().toList()) all.write(Files.readAllBytes(f));
                }
            } else {
                all.write(Files.readAllBytes(p));
            }
            out.put(e.getKey(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(all.toByteArray())));
        }
        return out;
    }
}
