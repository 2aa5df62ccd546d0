package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.calibrate.CalibrationFile;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.FakeRequest;
import dev.ponder.core.testing.TestCalibrations;
import dev.ponder.server.config.CalibrationConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live calibration of {@code adaptive} on a few hundred requests through a fake upstream: a share drawn on to the full
 * budget after the answer (booked apart), the stopping rule refitted on them, shown by {@code GET /v1/ponder/calibration},
 * and the fall-back to the full budget once the traffic shifts so that nothing early is certified.
 */
@Timeout(120)
class LiveCalibrationTest {
    @TempDir Path dir;

    /**
     * A model that answers each question right (7) with probability {@code accuracy[0]}, else one of three wrong answers;
     * each question's k-th sample is drawn from a generator seeded by the question and k, so runs repeat exactly.
     */
    private static FakeOpenAiServer.Handler quiz(double[] accuracy) {
        Map<String, AtomicInteger> drawn = new ConcurrentHashMap<>();
        return (FakeRequest r) -> {
            String q = r.prompt();
            int from = drawn.computeIfAbsent(q, k -> new AtomicInteger()).getAndAdd(r.n());
            return FakeReply.each(r, i -> {
                SplittableRandom g = new SplittableRandom(q.hashCode() * 1_000_003L + from + i);
                String a = g.nextDouble() < accuracy[0] ? "7" : List.of("3", "5", "9").get(g.nextInt(3));
                return FakeOutput.text("The answer is " + a + ".");
            });
        };
    }

    private static JsonNode status(ProxyServer p) throws Exception {
        p.awaitCalibrationDraws();
        var r = Http.get(Fixtures.root(p), "v1/ponder/calibration", "Authorization", "Bearer sk-k");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return RelayTest.JSON.readTree(r.body());
    }

    /** Requests {@code from}..{@code to}, each one's calibration draw finished before the next (so refits see questions in order). */
    private static void traffic(ProxyServer p, int from, int to) throws Exception {
        for (int i = from; i < to; i++) ask(p, i);
    }

    private static JsonNode ask(ProxyServer p, int i) throws Exception {
        JsonNode d = RelayTest.ok(Http.post(Fixtures.root(p), "v1/chat/completions", Fixtures.chat("adaptive:fake-model", "Question " + i + "?", ""),
                "Authorization", "Bearer sk-k"));
        p.awaitCalibrationDraws();
        return d;
    }

    @Test
    void a_share_of_adaptive_requests_calibrates_the_model_and_a_shift_makes_it_fall_back() throws Exception {
        double[] accuracy = {0.9};
        int kept;
        CalibrationConfig cal = new CalibrationConfig(0.5, 0.05, 0.1, 60, 20, 200, 20, 0, OptionalInt.of(8), Optional.of(dir.resolve("cal")), Map.of());
        try (var up = FakeOpenAiServer.start(quiz(accuracy)); var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("up", up.baseUrl())),
                List.of(KeysAndBudgetsTest.key("k", "sk-k", Optional.of(100.0), OptionalInt.empty(), Set.of())), Optional.of("ledger.jsonl"), dir)
                .toBuilder().calibration(cal).build(), 5)) {
            traffic(proxy, 0, 300);
            JsonNode s = status(proxy);
            System.out.println("calibration after 300 requests: " + s.toPrettyString());
            JsonNode m = s.path("models").get(0);
            assertThat(m.path("model").asText()).isEqualTo("fake-model");
            assertThat(m.path("questions_seen").asInt()).as("about half of 300").isBetween(120, 180);
            assertThat(m.path("refits").asInt()).isPositive();
            assertThat(m.path("fell_back").asBoolean()).isFalse();
            assertThat(m.path("source").asText()).isEqualTo("live");
            assertThat(m.path("certified_risk").path("bound").asDouble()).isLessThanOrEqualTo(0.05);
            assertThat(m.path("saving").path("live_mean_samples").asDouble()).isLessThan(8);
            String metrics = Http.get(Fixtures.root(proxy), "metrics", "Authorization", "Bearer sk-k").body();
            assertThat(metrics).containsPattern("ponder_calibration_fallback\\{model=\"fake-model\"\\} 0.0")
                    .containsPattern("ponder_calibration_dollars_total\\{model=\"fake-model\"\\} [1-9]");

            accuracy[0] = 0.3;
            JsonNode fell = null;
            for (int i = 300; i < 700 && fell == null; i++) {
                ask(proxy, i);
                JsonNode m2 = status(proxy).path("models").get(0);
                if (m2.path("fell_back").asBoolean()) fell = m2;
            }
            assertThat(fell).as("the shift makes the model fall back").isNotNull();
            System.out.println("calibration when it fell back: " + fell.toPrettyString());
            assertThat(fell.path("setting").asText()).isEqualTo("full budget (8)");
            assertThat(fell.path("why").asText()).contains("above epsilon 0.05");
            assertThat(Http.get(Fixtures.root(proxy), "metrics", "Authorization", "Bearer sk-k").body())
                    .containsPattern("ponder_calibration_fallback\\{model=\"fake-model\"\\} 1.0")
                    .containsPattern("ponder_calibration_refits_total\\{model=\"fake-model\",outcome=\"fell_back\"\\} [1-9]");
            JsonNode full = RelayTest.ok(Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("adaptive:fake-model", "Last?", ""),
                    "Authorization", "Bearer sk-k"));
            assertThat(full.path("ponder").path("samples").asInt()).as("the full budget").isEqualTo(8);
            kept = Math.min(200, status(proxy).path("models").get(0).path("questions_seen").asInt());
        }
        double caller = 0;
        double calibration = 0;
        for (String l : Files.readAllLines(dir.resolve("ledger.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode n = RelayTest.JSON.readTree(l);
            if (n.path("key").asText().equals("calibration")) {
                assertThat(n.path("strategy").asText()).isEqualTo("calibration");
                calibration += n.path("dollars").asDouble();
            } else {
                caller += n.path("dollars").asDouble();
            }
        }
        assertThat(calibration).as("booked apart").isPositive();
        assertThat(caller).isPositive();
        assertThat(dir.resolve("cal/fake-model.questions.jsonl")).as("questions kept for a restart").isNotEmptyFile();
        assertThat(dir.resolve("cal/fake-model.calibration.json")).isNotEmptyFile();
        try (var up = FakeOpenAiServer.start(quiz(accuracy)); var again = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("up",
                up.baseUrl())), List.of(KeysAndBudgetsTest.key("k", "sk-k", Optional.of(100.0), OptionalInt.empty(), Set.of())),
                Optional.of("ledger.jsonl"), dir).toBuilder().calibration(cal).build(), 5)) {
            JsonNode m = status(again).path("models").get(0);
            assertThat(m.path("questions_in_window").asInt()).as("the window read back").isEqualTo(kept);
            assertThat(m.path("refits").asInt()).as("refitted once on start").isEqualTo(1);
            assertThat(m.path("source").asText()).isEqualTo("live");
        }
    }

    @Test
    void a_calibration_file_per_model_is_run_and_one_made_for_another_model_is_refused_naming_both() throws Exception {
        Path mine = dir.resolve("mine.json");
        Path theirs = dir.resolve("theirs.json");
        CalibrationFile.write(mine, TestCalibrations.of("margin", 2, 6, "fake-model"));
        CalibrationFile.write(theirs, TestCalibrations.of("margin", 2, 6, "gpt-4o"));
        CalibrationConfig files = new CalibrationConfig(0, 0.05, 0.1, 60, 20, 200, 20, 0, OptionalInt.empty(), Optional.empty(),
                Map.of("fake-model", mine));
        try (var up = FakeOpenAiServer.start(quiz(new double[] {1.0})); var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("up",
                up.baseUrl())), List.of(), Optional.empty(), dir).toBuilder().calibration(files).build())) {
            JsonNode m = RelayTest.JSON.readTree(Http.get(Fixtures.root(proxy), "v1/ponder/calibration").body()).path("models").get(0);
            assertThat(m.path("started_from").asText()).contains("file " + mine).contains("margin@2");
            assertThat(m.path("full_budget").asInt()).isEqualTo(6);
            JsonNode d = RelayTest.ok(Http.post(Fixtures.root(proxy), "v1/chat/completions", Fixtures.chat("adaptive:fake-model", "Q?", "")));
            assertThat(d.path("ponder").path("samples").asInt()).as("margin 2 reached on two agreeing samples").isEqualTo(2);
        }
        try (var up = FakeOpenAiServer.start()) {
            var c = Fixtures.config(List.of(Fixtures.upstream("up", up.baseUrl())), List.of(), Optional.empty(), dir).toBuilder()
                    .calibration(new CalibrationConfig(0, 0.05, 0.1, 60, 20, 200, 20, 0, OptionalInt.empty(), Optional.empty(), Map.of("fake-model", theirs)))
                    .build();
            Assertions.assertThatThrownBy(() -> Fixtures.start(c)).hasMessageContaining(
                    "was made for model gpt-4o with number answers, not for model fake-model with number answers");
        }
    }
}
