package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.testing.SharedData;
import dev.ponder.server.config.ProxyConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NoConfigTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DICE = "Two fair 6-sided dice are rolled.  What is the probability the sum rolled is 9?";
    static ProxyServer server;
    static URI base;

    @BeforeAll
    static void start() {
        Path bank = SharedData.shippedBank("math-qwen25-rm8");
        server = Fixtures.start(ProxyConfig.banksOnly(List.of(bank), 0), 7);
        base = URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    @AfterAll
    static void stop() { server.close(); }

    static String body(String model, int n, String question) throws Exception {
        return JSON.writeValueAsString(JSON.createObjectNode().put("model", model).put("n", n)
                .set("messages", JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user").put("content", question))));
    }

    @Test
    void lists_bank_models_and_strategy_forms() throws Exception {
        JsonNode m = JSON.readTree(Http.get(base, "v1/models").body());
        List<String> ids = m.path("data").findValuesAsText("id");
        assertThat(ids).contains("replay:math-qwen25-rm8", "vote@8:replay:math-qwen25-rm8");
    }

    @Test
    void n3_single_gives_three_distinct_recorded_samples() throws Exception {
        var r = Http.post(base, "v1/chat/completions", body("replay:math-qwen25-rm8", 3, DICE));
        assertThat(r.status()).isEqualTo(200);
        JsonNode d = JSON.readTree(r.body());
        assertThat(d.path("choices")).hasSize(3);
        assertThat(d.path("ponder").path("samples").asInt()).isEqualTo(3);
    }

    @Test
    void vote_runs_eight_samples_per_choice_and_counts_them() throws Exception {
        var r = Http.post(base, "v1/chat/completions", body("vote@8:replay:math-qwen25-rm8", 2, DICE));
        JsonNode d = JSON.readTree(r.body());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(d.path("choices")).hasSize(2);
        assertThat(d.path("ponder").path("samples").asInt()).isEqualTo(16);
        assertThat(d.path("ponder").path("runs").get(0).path("answer").asText()).isEqualTo("\\frac{1}{9}");
        JsonNode trace = JSON.readTree(Http.get(base, "v1/ponder/traces/" + d.path("ponder").path("trace_id").asText()).body());
        assertThat(trace.path("runs")).hasSize(2);
        assertThat(trace.path("runs").get(0).path("samples")).hasSize(8);
        assertThat(trace.path("runs").get(0).path("calls").get(0).path("samples").asInt()).isEqualTo(8);
    }

    @Test
    void metrics_count_requests_tokens_and_dollars_per_strategy_and_key() throws Exception {
        Http.post(base, "v1/chat/completions", body("vote@8:replay:math-qwen25-rm8", 1, DICE));
        var m = Http.get(base, "metrics");
        assertThat(m.status()).isEqualTo(200);
        assertThat(m.body()).contains("ponder_requests_total{key=\"anonymous\",status=\"200\",strategy=\"vote@8\"}")
                .contains("ponder_request_latency_seconds_bucket").contains("ponder_tokens_total").contains("ponder_dollars_total");
        assertThat(Http.get(base, "health").body()).contains("\"status\":\"ok\"");
    }

    @Test
    void unknown_question_is_a_404_naming_the_bank() throws Exception {
        var r = Http.post(base, "v1/chat/completions", body("replay:math-qwen25-rm8", 1, "What is love?"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).path("error").path("message").asText()).contains("math-qwen25-rm8");
    }

    @Test
    void malformed_json_is_a_400_about_the_body() throws Exception {
        var r = Http.post(base, "v1/chat/completions", "{\"model\": ");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        JsonNode e = JSON.readTree(r.body()).path("error");
        assertThat(e.path("param").asText()).isEqualTo("body");
        assertThat(e.path("type").asText()).isEqualTo("invalid_request_error");
    }
}
