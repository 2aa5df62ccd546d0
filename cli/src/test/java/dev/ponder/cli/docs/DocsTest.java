package dev.ponder.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.cli.Cli;
import dev.ponder.cli.bench.FakeQuizServer;
import dev.ponder.core.testing.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands quoted in README.md and docs/*.md, run in-process, against the output they quote (see
 * {@link Transcript} for the convention). Paths in a command that exist relative to the checkout are made absolute (the
 * test runs from the cli module); {@code run}, {@code report} and {@code export} get a store and a report folder of
 * their own (one for the whole test, so {@code report latest} after {@code run} finds its run), so the docs' {@code .ponder}
 * paths are quoted with {@code ...}. A transcript that reads {@code ../shared} is skipped, saying so, when it is absent.
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
        List<String> failures = new ArrayList<>(), skipped = new ArrayList<>();
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
                var noSandbox = dev.ponder.sandbox.Sandboxes.bubblewrapUnavailable();
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
                    dev.ponder.core.testing.QuotedOutput.mismatch(c.quoted(), out).ifPresent(why -> failures.add(t.where() + ": " + c.text() + ": " + why));
                    checked++;
                }
                quiz.ifPresent(FakeOpenAiServer::close);
            }
        }
        System.out.println("docs: " + checked + " commands checked; skipped: " + skipped);
        assertThat(failures).as("quoted commands whose output changed (fix the docs or the code)").isEmpty();
        assertThat(checked).isGreaterThan(10);
    }

    private String run(String command, Path own) {
        List<String> words = new ArrayList<>(Transcript.words(command));
        words.removeFirst();   // ./ponder
        List<String> args = new ArrayList<>();
        for (String w : words) args.add(absolute(w));
        String sub = args.isEmpty() ? "" : args.getFirst();
        if ((sub.equals("run") || sub.equals("report") || sub.equals("export")) && !args.contains("--store")) {
            args.add("--store");
            args.add(own.resolve("lab.duckdb").toString());
        }
        if (sub.equals("run") && !args.contains("--report-dir") && !args.contains("--no-report")) {
            args.add("--report-dir");
            args.add(own.resolve("report").toString());
        }
        if (sub.equals("report") && !args.contains("--out")) {
            args.add("--out");
            args.add(own.resolve("report").toString());
        }
        return ran.computeIfAbsent(args, a -> {
            Cli c = Cli.run(a.toArray(String[]::new));
            return c.out() + c.err();
        });
    }

    /** A word that names a file or folder of the checkout (or of ../shared), made absolute; {@code --opt=PATH} too. */
    private static String absolute(String word) {
        int eq = word.startsWith("--") ? word.indexOf('=') : -1;
        String value = eq < 0 ? word : word.substring(eq + 1);
        // only words that look like paths: a subcommand ("bench") may share its name with a folder of the checkout
        if (value.isEmpty() || value.startsWith("-") || value.startsWith("/") || !value.contains("/")) return word;
        Path p = ROOT.resolve(value).normalize();
        if (!Files.exists(p)) return word;
        return eq < 0 ? p.toString() : word.substring(0, eq + 1) + p;
    }
}
