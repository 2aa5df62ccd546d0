package dev.ponder.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.cli.Cli;
import dev.ponder.cli.bench.FakeQuizServer;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.QuotedOutput;
import dev.ponder.sandbox.Sandboxes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands quoted in README.md and docs/*.md, run in-process, against the output they quote (see
 * {@link Transcript} for the convention). The test's folder stands for the reader's working directory: what a command
 * writes (its store, reports, exports) goes there, a file an earlier command wrote there is read from there, and
 * other paths that exist in the checkout (or in ../shared) are made absolute, since the test runs from the cli module.
 * Paths in the output are then printed as the reader wrote them, so the docs quote {@code out/sft.jsonl}, not the
 * test's folder; a path the command itself makes absolute is quoted with {@code ...}. {@code run}, {@code report},
 * {@code export RUN} and {@code plan cost --run} get the reader's default store, {@code .ponder/lab.duckdb}, one for the
 * whole test (so {@code export latest} after {@code run} finds its run). A transcript that reads {@code ../shared} is
 * skipped, saying so, when it is absent. Every command's output is written to {@code target/docs-transcripts.txt}.
 */
class DocsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** The one helper script a transcript may start with: the fake OpenAI server with a quiz model (docs/thinking.md). */
    private static final String FAKE_QUIZ = "scripts/fake-quiz-server.sh ";

    @TempDir
    Path tmp;

    /** Output of a command already run, by its words: README and docs/lab.md quote the same `./ponder run`. */
    private final Map<List<String>, String> ran = new HashMap<>();

    @Test
    void every_quoted_command_prints_what_the_docs_say() throws Exception {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        // -Ddocs.only=cost.md,export.md checks only those files, while writing them
        List<String> only = List.of(System.getProperty("docs.only", "").split(",")).stream().filter(x -> !x.isBlank()).toList();
        if (!only.isEmpty()) files.removeIf(f -> !only.contains(f.getFileName().toString()));
        List<String> failures = new ArrayList<>(), skipped = new ArrayList<>(), transcript = new ArrayList<>();
        int checked = 0;
        for (Path f : files) {
            Path own = tmp;
            for (Transcript t : Transcript.read(f)) {
                if (t.notRun().isPresent()) {
                    skipped.add(t.where() + " (" + t.notRun().get() + ")");
                    continue;
                }
                Optional<String> foreign = t.commands().stream().filter(c -> !c.isPonder() && !c.text().startsWith(FAKE_QUIZ))
                        .map(Transcript.Command::text).findFirst();
                if (foreign.isPresent()) {
                    failures.add(t.where() + ": \"" + foreign.get() + "\" is not a ponder command; mark the block <!-- not run: why -->");
                    continue;
                }
                if (t.commands().stream().anyMatch(c -> c.text().contains("../shared")) && !Files.isDirectory(ROOT.resolveSibling("shared"))) {
                    skipped.add(t.where() + " (../shared is not beside the checkout)");
                    continue;
                }
                var noSandbox = Sandboxes.bubblewrapUnavailable();
                if (t.commands().stream().anyMatch(c -> c.text().contains("ponder verify ")) && noSandbox.isPresent()) {
                    skipped.add(t.where() + " (" + noSandbox.get() + ")");
                    continue;
                }
                Optional<FakeOpenAiServer> quiz = Optional.empty();
                List<Transcript.Command> commands = t.commands();
                if (commands.getFirst().text().startsWith(FAKE_QUIZ)) {
                    // the docs start the fake quiz server with scripts/fake-quiz-server.sh: here it starts in-process
                    List<String> w = Transcript.words(commands.getFirst().text().replace("&", ""));
                    quiz = Optional.of(FakeQuizServer.start(ROOT.resolve(w.get(1)), Integer.parseInt(w.get(2)), Integer.parseInt(w.get(3)),
                            Long.parseLong(w.get(4))));
                    commands = commands.subList(1, commands.size());
                }
                for (Transcript.Command c : commands) {
                    String text = quiz.map(q -> c.text().replaceAll("--base-url \\S+", "--base-url " + q.baseUrl())).orElse(c.text());
                    String out = run(text, own);
                    transcript.add("== " + t.where() + ": " + c.text() + "\n" + out);
                    QuotedOutput.mismatch(c.quoted(), out).ifPresent(why -> failures.add(t.where() + ": " + c.text() + ": " + why));
                    checked++;
                }
                quiz.ifPresent(FakeOpenAiServer::close);
            }
        }
        Files.write(Path.of("target", "docs-transcripts.txt"), transcript);
        System.out.println("docs: " + checked + " commands checked; skipped: " + skipped);
        assertThat(failures).as("quoted commands whose output changed (fix the docs or the code)").isEmpty();
        if (only.isEmpty()) assertThat(checked).isGreaterThan(10);
    }

    private String run(String command, Path own) {
        List<String> words = new ArrayList<>(Transcript.words(command));
        words.removeFirst();   // ./ponder
        Map<String, String> given = new HashMap<>();   // a path as the command received it -> as the docs wrote it
        List<String> args = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            boolean output = i > 0 && OUTPUTS.contains(words.get(i - 1));
            args.add(path(words.get(i), output, own, given));
        }
        String sub = args.isEmpty() ? "" : args.getFirst();
        boolean storeCommand = sub.equals("run") || sub.equals("report") || sub.equals("export") && !args.contains("--bank") && !args.contains("--validate")
                || sub.equals("plan") && args.size() > 1 && args.get(1).equals("cost") && args.contains("--run");
        if (storeCommand && !args.contains("--store")) {
            args.add("--store");
            args.add(path(".ponder/lab.duckdb", true, own, given));
        }
        if (sub.equals("run") && !args.contains("--report-dir") && !args.contains("--no-report")) {
            args.add("--report-dir");
            args.add(own.resolve(".ponder/report").toString());
        }
        if (sub.equals("report") && !args.contains("--out")) {
            args.add("--out");
            args.add(own.resolve(".ponder/report").toString());
        }
        String out = ran.computeIfAbsent(args, a -> {
            Cli c = Cli.run(a.toArray(String[]::new));
            return c.out() + c.err();
        });
        // print paths as the reader who ran the command from the checkout sees them: as they wrote them, and files the
        // command made beside its outputs relative to the working directory
        List<String> longestFirst = given.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String p : longestFirst) out = out.replace(p, given.get(p));
        return out.replace(own + "/", "");
    }

    /** Options whose value is a file or folder the command writes (or the store it adds to): it goes to the test's folder. */
    private static final Set<String> OUTPUTS = Set.of("--store", "--out", "--report", "--report-dir", "--parquet", "--finetune", "--preference",
            "--frontier");

    /**
     * A word that names a file or folder, as the command gets it ({@code --opt=PATH} too). The test's folder stands for the
     * reader's working directory: outputs go there, and a file an earlier command wrote there is read from there;
     * otherwise a path of the checkout (or of ../shared) is made absolute.
     */
    private static String path(String word, boolean output, Path own, Map<String, String> given) {
        int eq = word.startsWith("--") ? word.indexOf('=') : -1;
        String value = eq < 0 ? word : word.substring(eq + 1);
        // only words that look like paths: a subcommand ("bench") may share its name with a folder of the checkout
        if (value.isEmpty() || value.startsWith("-") || value.startsWith("/") || !output && !value.contains("/")) return word;
        Path p;
        if (output || Files.exists(own.resolve(value))) p = own.resolve(value).normalize();
        else if (Files.exists(ROOT.resolve(value))) p = ROOT.resolve(value).normalize();
        else return word;
        given.put(p.toString(), value);
        return eq < 0 ? p.toString() : word.substring(0, eq + 1) + p;
    }
}
