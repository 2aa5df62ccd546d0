package dev.ponder.cli.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A live `ponder run --problems` on the shipped arithmetic set against a loopback server, with no retries (no sleeps). */
final class Live {
    static final Path PROBLEMS = Path.of("").toAbsolutePath().getParent().resolve("data/problems/arith-mini.jsonl");

    private Live() {}

    static Cli run(String baseUrl, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--problems", PROBLEMS.toString(), "--base-url", baseUrl, "--model", "gpt-4o-mini",
                "--retries", "0", "--concurrency", "1"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The reference answer of the arithmetic question the prompt holds ("0" when it holds none). */
    static String reference(String prompt) {
        try {
            for (String line : Files.readAllLines(PROBLEMS)) {
                var n = new ObjectMapper().readTree(line);
                if (prompt.contains(n.path("question").asText())) return n.path("reference").asText();
            }
            return "0";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last non-empty line of a text. */
    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
