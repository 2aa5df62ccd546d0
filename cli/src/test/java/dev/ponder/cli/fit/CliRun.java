package dev.ponder.cli.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;

/** Runs a ponder command in-process and captures its exit code, stdout and stderr. */
public record CliRun(int exit, String out, String err) {
    public static CliRun of(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public JsonNode json() {
        try {
            return new ObjectMapper().readTree(out);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
        }
    }

    /** shared/ (sibling of the repository) when present. */
    public static Optional<Path> shared(String relative) {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("shared");
            if (Files.isDirectory(s.resolve("banks")) && Files.exists(s.resolve(relative))) return Optional.of(s.resolve(relative));
        }
        return Optional.empty();
    }

    /** A tiny bank: problem i has {@code correct[i]} right answers out of n, wrong answers split between two values. */
    public static Path bank(Path dir, int n, int... correct) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("bank.json"), "{\"name\":\"tiny\",\"model\":\"m\"}");
        StringBuilder problems = new StringBuilder(), samples = new StringBuilder();
        for (int i = 0; i < correct.length; i++) {
            problems.append("{\"id\":\"p").append(i).append("\",\"question\":\"q\",\"reference\":\"42\"}\n");
            for (int j = 0; j < n; j++) {
                boolean ok = j < correct[i];
                samples.append("{\"problem_id\":\"p").append(i).append("\",\"index\":").append(j).append(",\"text\":\"t\",\"answer\":\"")
                        .append(ok ? "42" : String.valueOf(j % 2)).append("\",\"correct\":").append(ok)
                        .append(",\"cost_usd\":0.001}\n");
            }
        }
        Files.writeString(dir.resolve("problems.jsonl"), problems);
        Files.writeString(dir.resolve("samples.jsonl"), samples);
        return dir;
    }
}
