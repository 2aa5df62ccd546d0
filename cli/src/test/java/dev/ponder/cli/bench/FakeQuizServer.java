package dev.ponder.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeQuiz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fake server with a {@link FakeQuiz} model for live-style runs of {@code ponder bench thinking} (docs/thinking.md):
 * {@code FakeQuizServer PROBLEMS.jsonl MIN_WORDS MAX_WORDS SEED} prints the base URL and serves until killed.
 */
public final class FakeQuizServer {
    private FakeQuizServer() { }

    public static void main(String[] args) throws Exception {
        FakeOpenAiServer server = start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
        System.out.println(server.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** The server with a quiz model on the questions and references of {@code problems} (JSONL). */
    public static FakeOpenAiServer start(Path problems, int minWords, int maxWords, long seed) throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        ObjectMapper om = new ObjectMapper();
        for (String line : Files.readAllLines(problems)) {
            if (line.isBlank()) continue;
            JsonNode n = om.readTree(line);
            answers.put(n.path("question").asText(), n.path("reference").asText());
        }
        return FakeOpenAiServer.start(new FakeQuiz(answers, minWords, maxWords, seed).handler());
    }
}
