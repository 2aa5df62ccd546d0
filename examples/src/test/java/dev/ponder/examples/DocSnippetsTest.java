package dev.ponder.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.QuotedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet in README.md and docs/ is code of this module: a ```java block is preceded by
 * {@code <!-- snippet: PATH#REGION [PATH#REGION ...] -->} and must equal those regions of the source (between
 * {@code // snippet: REGION} and {@code // end: REGION}, de-indented, joined by a blank line), so it compiles and the
 * tests run it. An output block preceded by {@code <!-- output: EXAMPLE -->} must hold what that example prints (the
 * docs' {@code ...} convention: lines or text left out).
 */
class DocSnippetsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern SNIPPET = Pattern.compile("<!--\\s*snippet:\\s*(.*?)\\s*-->");
    private static final Pattern OUTPUT = Pattern.compile("<!--\\s*output:\\s*(\\w+).*?-->");

    /** How the tests run each example whose output the docs quote. */
    private static final Map<String, Consumer<PrintStream>> EXAMPLES = Map.of(
            "Gsm8kVote", Gsm8kVote::run,
            "AiServiceExample", AiServiceExample::run,
            "BudgetedBatch", BudgetedBatch::run,
            "StrategiesAndCheckers", StrategiesAndCheckers::run,
            "OpenAiBackendExample", out -> {
                try (var server = FakeServers.reasonerRejectingN()) {
                    OpenAiBackendExample.run(server.baseUrl().toString(), out);
                }
            },
            "LiveQuickstart", out -> {
                try (var server = FakeServers.answering("The answer is 3.")) {
                    LiveQuickstart.run(server.baseUrl().toString(), out);
                }
            });

    private static List<Path> docs() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    @Test
    void every_java_block_in_the_docs_is_a_region_of_an_example() throws IOException {
        List<String> problems = new ArrayList<>();
        int blocks = 0;
        for (Path f : docs()) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals("```java")) continue;
                blocks++;
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).startsWith("```")) end++;
                String block = String.join("\n", lines.subList(i + 1, end));
                Matcher m = i > 0 ? SNIPPET.matcher(lines.get(i - 1)) : null;
                if (m == null || !m.find()) {
                    problems.add(f.getFileName() + ":" + (i + 1) + ": a java block without <!-- snippet: PATH#REGION --> before it");
                } else {
                    String want = regions(m.group(1));
                    if (!want.equals(block)) {
                        problems.add(f.getFileName() + ":" + (i + 1) + ": differs from " + m.group(1) + ":\n" + want + "\n--- docs:\n" + block);
                    }
                }
                i = end;
            }
        }
        assertThat(problems).as("java blocks in the docs that are not the examples' code").isEmpty();
        assertThat(blocks).isGreaterThan(10);
    }

    @Test
    void every_quoted_example_output_is_what_the_example_prints() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path f : docs()) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 1; i < lines.size(); i++) {
                Matcher m = OUTPUT.matcher(lines.get(i - 1));
                if (!lines.get(i).startsWith("```") || !m.find()) continue;
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).startsWith("```")) end++;
                Consumer<PrintStream> example = EXAMPLES.get(m.group(1));
                if (example == null) {
                    problems.add(f.getFileName() + ":" + i + ": no example named " + m.group(1));
                    continue;
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                example.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
                // what each example printed, for updating the docs: target/example-outputs/NAME.txt
                Files.createDirectories(Path.of("target", "example-outputs"));
                Files.write(Path.of("target", "example-outputs", m.group(1) + ".txt"), bytes.toByteArray());
                String where = f.getFileName() + ":" + (i + 1) + ": " + m.group(1) + ": ";
                QuotedOutput.mismatch(lines.subList(i + 1, end), bytes.toString(StandardCharsets.UTF_8)).ifPresent(why -> problems.add(where + why));
                checked++;
                i = end;
            }
        }
        assertThat(problems).as("quoted outputs of the examples that changed").isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }

    /** The regions named in a marker, joined by a blank line. */
    private static String regions(String marker) throws IOException {
        List<String> parts = new ArrayList<>();
        for (String ref : marker.split("\\s+")) {
            int hash = ref.indexOf('#');
            Path source = ROOT.resolve(ref.substring(0, hash));
            parts.add(region(Files.readAllLines(source), ref.substring(hash + 1)).orElse("(no region " + ref + ")"));
        }
        return String.join("\n\n", parts);
    }

    private static Optional<String> region(List<String> source, String name) {
        int from = source.indexOf(source.stream().filter(l -> l.strip().equals("// snippet: " + name)).findFirst().orElse(null));
        int to = source.indexOf(source.stream().filter(l -> l.strip().equals("// end: " + name)).findFirst().orElse(null));
        if (from < 0 || to < from) return Optional.empty();
        List<String> body = source.subList(from + 1, to);
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return Optional.of(String.join("\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList()));
    }

    /** Fake servers for the examples that talk to one. */
    static final class FakeServers {
        private FakeServers() {}

        static FakeOpenAiServer answering(String text) { return FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.text(text))); }

        /** A DeepSeek-style reasoner (reasoning_content) behind a server that, like llama.cpp, rejects n > 1. */
        static FakeOpenAiServer reasonerRejectingN() {
            return FakeOpenAiServer.start(r -> r.body().path("n").asInt(1) > 1 ? FakeReply.error(400, "only n = 1 is supported")
                    : FakeReply.each(r, i -> FakeOutput.thinking("17 times 3 is 51", "The answer is 51.")));
        }
    }
}
