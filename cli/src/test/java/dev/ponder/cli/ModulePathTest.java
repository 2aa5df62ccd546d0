package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.testing.SharedData;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command on the module path, as a modular application runs it: {@code java -p target/classes:RUNTIME -m
 * dev.ponder.cli/dev.ponder.cli.Main}. The other tests run on the class path (core's test jar shares core's packages,
 * which a module path refuses), so this is where the module descriptors are checked: the qualified exports between
 * sibling modules, the packages opened to picocli and Jackson, the automatic modules (OpenTelemetry, Hipparchus), and
 * the Netty transports. Each case starts a JVM; {@code target/runtime-path.txt} is written by the build
 * (maven-dependency-plugin, runtime scope).
 */
class ModulePathTest {
    private static final String MATH = SharedData.shippedBank("math-qwen25-rm8").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code java} on the module path with {@code args}, in {@code dir}. */
    private static Process start(Path dir, String... args) throws IOException {
        String runtime = Files.readString(Path.of("target/runtime-path.txt")).strip();
        // the test-jar of core is on the runtime list only as a test dependency's shadow: it splits core's packages
        String path = Arrays.stream((Path.of("target/classes").toAbsolutePath() + File.pathSeparator + runtime)
                .split(File.pathSeparator)).filter(e -> !e.endsWith("-tests.jar")).collect(Collectors.joining(File.pathSeparator));
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=io.netty.common,ALL-UNNAMED", "-p", path,
                "--add-modules", "io.netty.transport.io_uring.linux.x86_64,io.netty.transport.epoll.linux.x86_64",
                "-m", "dev.ponder.cli/dev.ponder.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
    }

    private static String finish(Process p, Path dir) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ended").isTrue();
        assertThat(p.exitValue()).as("exit; stderr: %s", Files.readString(dir.resolve("stderr.txt"))).isZero();
        return out;
    }

    @Test
    void run_replays_a_bank(@TempDir Path dir) throws Exception {
        String out = finish(start(dir, "run", "--bank", MATH, "--strategy", "vote@5", "--strategy", "adaptive", "--seed", "3", "--json"), dir);
        JsonNode rows = JSON.readTree(out).at("/runs/0/rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).path("strategy").asText()).isEqualTo("adaptive");
        assertThat(rows.get(1).path("accuracy").asDouble()).isBetween(0.5, 1.0);
    }

    @Test
    void the_main_job_stores_its_samples_and_writes_the_report(@TempDir Path dir) throws Exception {
        String out = finish(start(dir, "run"), dir);
        assertThat(out).contains("adaptive").contains("report:");
        assertThat(dir.resolve(".ponder/lab.duckdb")).exists();
        try (var reports = Files.list(dir.resolve(".ponder/reports"))) {
            assertThat(reports.map(r -> r.resolve("index.html")).filter(Files::exists)).hasSize(1);
        }
    }

    @Test
    void plan_cost_binds_the_workload_file(@TempDir Path dir) throws Exception {
        String out = finish(start(dir, "plan", "cost", Path.of("../plans/workload.example.yaml").toAbsolutePath().normalize().toString(), "--json"), dir);
        assertThat(JSON.readTree(out).path("classes").size()).isPositive();
    }

    @Test
    void serve_answers_the_chat_and_messages_apis(@TempDir Path dir) throws Exception {
        Process p = start(dir, "serve", "--port", "0");
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            Matcher url = null;
            while ((line = lines.readLine()) != null) {
                Matcher m = Pattern.compile("listening on (http://\\S+/v1)").matcher(line);
                if (m.find()) {
                    url = m;
                    break;
                }
            }
            assertThat(url).as("serve printed where it listens; stderr: %s", Files.readString(dir.resolve("stderr.txt"))).isNotNull();
            String base = url.group(1);
            String question = "Two fair 6-sided dice are rolled.  What is the probability the sum rolled is 9?";
            HttpClient http = HttpClient.newHttpClient();
            JsonNode chat = post(http, base + "/chat/completions", "{\"model\":\"vote@5:replay:math-qwen25-rm8\",\"messages\":[{\"role\":\"user\",\"content\":"
                    + JSON.writeValueAsString(question) + "}]}");
            assertThat(chat.at("/ponder/samples").asInt()).isEqualTo(5);
            assertThat(chat.at("/choices/0/message/content").asText()).contains("boxed");
            JsonNode messages = post(http, base + "/messages", "{\"model\":\"adaptive:replay:math-qwen25-rm8\",\"max_tokens\":50,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":" + JSON.writeValueAsString(question) + "}]}");
            assertThat(messages.path("type").asText()).isEqualTo("message");
            assertThat(messages.at("/content/0/type").asText()).isEqualTo("text");
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static JsonNode post(HttpClient http, String url, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
