package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeReply;
import dev.ponder.core.testing.SharedData;
import dev.ponder.server.config.ProxyConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed Messages requests get a 4xx in Anthropic's error format, never a 5xx; keys come as x-api-key too. */
class AnthropicBadInputTest {
    static final Set<String> TYPES = Set.of("invalid_request_error", "authentication_error", "permission_error", "not_found_error",
            "request_too_large", "rate_limit_error", "api_error", "overloaded_error");
    static final String M = "replay:math-qwen25-rm8";
    static ProxyServer server;
    static URI base;
    @TempDir Path dir;

    @BeforeAll
    static void start() {
        server = ProxyServer.start(ProxyConfig.banksOnly(List.of(SharedData.shippedBank("math-qwen25-rm8")), 0));
        base = URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    @AfterAll
    static void stop() { server.close(); }

    static String ask(String model, String extra) {
        return "{\"model\": \"" + model + "\", \"max_tokens\": 256, \"messages\": [{\"role\": \"user\", \"content\": \"" + NoConfigTest.DICE + "\"}]"
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    /** The error of an Anthropic-format error body, its type checked. */
    static JsonNode error(Http.Response r) throws Exception {
        JsonNode root = ToolCallsTest.JSON.readTree(r.body());
        assertThat(root.path("type").asText()).as(r.body()).isEqualTo("error");
        assertThat(TYPES).as(r.body()).contains(root.path("error").path("type").asText());
        assertThat(root.path("error").path("message").asText()).isNotBlank();
        return root.path("error");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"model\": |400|not valid JSON",
        "{\"model\": \"replay:math-qwen25-rm8\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|max_tokens is required",
        "{\"model\": \"replay:math-qwen25-rm8\", \"max_tokens\": 0, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|max_tokens must be in",
        "{\"model\": \"replay:math-qwen25-rm8\", \"max_tokens\": 9, \"messages\": []}|400|messages must not be empty",
        "{\"model\": \"replay:math-qwen25-rm8\", \"max_tokens\": 9, \"messages\": [{\"role\": \"system\", \"content\": \"x\"}]}|400|messages[0].role must be user or assistant",
        "{\"model\": \"replay:math-qwen25-rm8\", \"max_tokens\": 9, \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image\", \"source\": {}}]}]}|400|blocks are not supported: Ponder",
        "{\"model\": \"replay:math-qwen25-rm8\", \"max_tokens\": 9, \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"tool_result\"}]}]}|400|tool_use_id is required",
        "{\"model\": \"replay:math-qwen25-rm8\", \"max_tokens\": 9, \"system\": 3, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|system must be a string or an array",
        "{\"model\": \"replay:math-qwen25-rm8\", \"max_tokens\": 9, \"tools\": [{\"type\": \"web_search_20250305\", \"name\": \"web_search\"}], \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|server tool",
        "{\"model\": \"replay:math-qwen25-rm8\", \"max_tokens\": 9, \"tools\": [{\"name\": \"f\"}], \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|tools[0].input_schema is required",
        "{\"model\": \"replay:math-qwen25-rm8\", \"max_tokens\": 9, \"thinking\": {\"type\": \"enabled\", \"budget_tokens\": 2048}, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|less than max_tokens",
        "{\"model\": \"replay:math-qwen25-rm8\", \"max_tokens\": 9, \"stop_sequences\": \"x\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|stop_sequences must be an array",
        "{\"model\": \"replay:math-qwen25-rm8\", \"max_tokens\": 9, \"n\": 2, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|unknown field n",
        "{\"model\": \"gpt-9\", \"max_tokens\": 9, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|404|is not served",
    })
    void bad_requests_get_a_4xx_in_anthropic_s_format(String body, int status, String says) throws Exception {
        var r = Http.post(base, "v1/messages", body, "anthropic-version", "2023-06-01");
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(error(r).path("message").asText()).contains(says);
        assertThat(error(r).path("type").asText()).isEqualTo(status == 404 ? "not_found_error" : "invalid_request_error");
    }

    @Test
    void a_key_may_come_as_x_api_key_and_a_wrong_one_is_an_authentication_error() throws Exception {
        var key = KeysAndBudgetsTest.key("a", "sk-a", Optional.empty(), OptionalInt.empty(), Set.of());
        try (var up = FakeOpenAiServer.start();
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("u", up.baseUrl())), List.of(key), Optional.empty(), dir))) {
            String body = ask("fake-model", "");
            assertThat(Http.post(Fixtures.root(proxy), "v1/messages", body, "x-api-key", "sk-a").status()).isEqualTo(200);
            var wrong = Http.post(Fixtures.root(proxy), "v1/messages", body, "x-api-key", "sk-b");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(error(wrong).path("type").asText()).isEqualTo("authentication_error");
            assertThat(Http.post(Fixtures.root(proxy), "v1/messages", body, "Authorization", "Bearer sk-a").status()).isEqualTo(200);
        }
    }

    @Test
    void a_stream_that_breaks_after_output_ends_with_an_error_event() throws Exception {
        String broken = "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"It is \"},\"finish_reason\":null}]}\n\n";
        try (var up = FakeOpenAiServer.start(r -> new FakeReply.Raw(200, "text/event-stream", broken));
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("u", up.baseUrl())), List.of(), Optional.empty(), dir))) {
            var r = Http.post(Fixtures.root(proxy), "v1/messages", ask("fake-model", "\"stream\": true"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("event: message_start", "\"text\":\"It is \"", "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\"")
                    .doesNotContain("message_stop");
        }
    }

    /** Two thousand seeded mutations of valid Messages requests: none may get a 5xx, and every refusal is in Anthropic's format. */
    @Test
    void mutated_requests_never_get_a_5xx() throws Exception {
        List<String> valid = List.of(
                ask(M, "\"system\": [{\"type\": \"text\", \"text\": \"Be brief.\"}], \"temperature\": 0.5, \"stop_sequences\": [\"x\"]"),
                ask("vote@5:" + M, "\"stream\": true, \"metadata\": {\"user_id\": \"u1\"}, \"top_k\": 5"),
                ask(M, "\"ponder\": {\"strategy\": \"adaptive@8\", \"budget\": {\"tokens\": 100000}}, \"thinking\": {\"type\": \"disabled\"}"),
                "{\"model\": \"best@4:" + M + "\", \"max_tokens\": 64, \"tools\": [{\"name\": \"f\", \"input_schema\": {\"type\": \"object\"}}],"
                        + " \"tool_choice\": {\"type\": \"any\"}, \"messages\": [{\"role\": \"user\", \"content\": \"go\"}, {\"role\": \"assistant\","
                        + " \"content\": [{\"type\": \"tool_use\", \"id\": \"t1\", \"name\": \"f\", \"input\": {\"a\": 1}}]}, {\"role\": \"user\","
                        + " \"content\": [{\"type\": \"tool_result\", \"tool_use_id\": \"t1\", \"content\": [{\"type\": \"text\", \"text\": \"2\"}]}]}]}");
        SplittableRandom rng = new SplittableRandom(20261203);
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < 2000; i++) {
            byte[] body = BadInputTest.mutate(valid.get(rng.nextInt(valid.size())).getBytes(StandardCharsets.UTF_8), rng);
            var r = Http.post(base, "v1/messages", body);
            statuses.merge(r.status(), 1, Integer::sum);
            assertThat(r.status()).as("mutation %d: %s -> %s", i, new String(body, StandardCharsets.UTF_8), r.body()).isLessThan(500);
            if (r.status() >= 400) error(r);
        }
        assertThat(statuses.keySet()).as("statuses seen: %s", statuses).contains(200, 400);
    }
}
