package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.testing.SharedData;
import dev.ponder.server.config.ProxyConfig;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadInputTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String Q = NoConfigTest.DICE;
    static ProxyServer server;
    static URI base;

    @BeforeAll
    static void start() {
        server = ProxyServer.start(ProxyConfig.banksOnly(List.of(SharedData.shippedBank("math-qwen25-rm8")), 0));
        base = URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    @AfterAll
    static void stop() { server.close(); }

    static JsonNode error(Http.Response r) throws Exception { return JSON.readTree(r.body()).path("error"); }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"model\": |400|body",
        "[1, 2]|400|body",
        "{\"model\": 3, \"messages\": []}|400|model",
        "{\"model\": \"replay:math-qwen25-rm8\"}|400|messages",
        "{\"model\": \"replay:math-qwen25-rm8\", \"messages\": \"hi\"}|400|messages",
        "{\"model\": \"replay:math-qwen25-rm8\", \"messages\": [{\"role\": \"user\"}]}|400|messages[0].content",
        "{\"model\": \"replay:math-qwen25-rm8\", \"messages\": [{\"role\": 1, \"content\": \"x\"}]}|400|messages[0].role",
        "{\"model\": \"replay:math-qwen25-rm8\", \"messages\": [{\"role\": \"wizard\", \"content\": \"x\"}]}|400|messages[0].role",
        "{\"model\": \"replay:math-qwen25-rm8\", \"n\": \"3\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|n",
        "{\"model\": \"replay:math-qwen25-rm8\", \"n\": 0, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|n",
        "{\"model\": \"replay:math-qwen25-rm8\", \"stream\": \"yes\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|stream",
        "{\"model\": \"replay:math-qwen25-rm8\", \"temperature\": \"hot\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|temperature",
        "{\"model\": \"replay:math-qwen25-rm8\", \"ponder\": {\"budget\": {\"dollars\": -1}}, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|ponder.budget.dollars",
        "{\"model\": \"replay:math-qwen25-rm8\", \"ponder\": {\"strategy\": \"vote@zero\"}, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|ponder.strategy",
        "{\"model\": \"telepathy@3:replay:math-qwen25-rm8\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|model",
        "{\"model\": \"gpt-9\", \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|404|model",
        "{\"model\": \"replay:math-qwen25-rm8\", \"tools\": [{\"type\": \"function\"}], \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}|400|tools[0].function",
        "{\"model\": \"replay:math-qwen25-rm8\", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\"}]}]}|400|messages[0].content[0]",
    })
    void bad_requests_get_a_4xx_naming_the_field(String body, int status, String param) throws Exception {
        var r = Http.post(base, "v1/chat/completions", body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode e = error(r);
        assertThat(e.path("param").asText()).isEqualTo(param);
        assertThat(e.path("message").asText()).isNotBlank();
        assertThat(e.has("type") && e.has("code")).isTrue();
    }

    @Test
    void invalid_utf8_is_a_400() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("{\"model\": \"replay:math-qwen25-rm8\", \"messages\": [{\"role\": \"user\", \"content\": \"".getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        b.writeBytes("\"}]}".getBytes(StandardCharsets.UTF_8));
        var r = Http.post(base, "v1/chat/completions", b.toByteArray());
        assertThat(r.status()).isEqualTo(400);
        assertThat(error(r).path("message").asText()).contains("UTF-8");
    }

    @Test
    void a_body_over_the_limit_is_a_413() throws Exception {
        String big = "x".repeat(ProxyConfig.builder().build().maxBodyBytes() + 10);
        var r = Http.post(base, "v1/chat/completions", Fixtures.chat("replay:math-qwen25-rm8", big, ""));
        assertThat(r.status()).isEqualTo(413);
        assertThat(error(r).path("message").asText()).contains("limit");
    }

    @Test
    void wrong_method_and_unknown_route_are_4xx() throws Exception {
        assertThat(Http.post(base, "v1/models", "{}").status()).isEqualTo(405);
        assertThat(Http.get(base, "v2/nothing").status()).isEqualTo(404);
        assertThat(Http.get(base, "v1/ponder/traces/nope").status()).isEqualTo(404);
    }

    /** A few thousand seeded mutations of valid requests: none may get a 5xx. */
    @Test
    void mutated_requests_never_get_a_5xx() throws Exception {
        List<String> valid = List.of(
                Fixtures.chat("replay:math-qwen25-rm8", Q, "\"n\": 2"),
                Fixtures.chat("vote@8:replay:math-qwen25-rm8", Q, "\"stream\": true, \"stream_options\": {\"include_usage\": true}"),
                Fixtures.chat("replay:math-qwen25-rm8", Q, "\"ponder\": {\"strategy\": \"adaptive@8\", \"budget\": {\"tokens\": 100000}}, \"seed\": 5"),
                Fixtures.chat("best@4:replay:math-qwen25-rm8", Q, "\"max_tokens\": 50, \"temperature\": 0.7, \"stop\": [\"x\"]"));
        SplittableRandom rng = new SplittableRandom(20261123);
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < 2000; i++) {
            byte[] body = mutate(valid.get(rng.nextInt(valid.size())).getBytes(StandardCharsets.UTF_8), rng);
            var r = Http.post(base, "v1/chat/completions", body);
            statuses.merge(r.status(), 1, Integer::sum);
            assertThat(r.status()).as("mutation %d: %s -> %s", i, new String(body, StandardCharsets.UTF_8), r.body()).isLessThan(500);
            if (r.status() >= 400) assertThat(error(r).path("message").asText()).isNotBlank();
        }
        assertThat(statuses.keySet()).as("statuses seen: %s", statuses).contains(200, 400);
    }

    private static final String[] TOKENS = {"null", "true", "-1", "0", "1e309", "\"\"", "[]", "{}", "\"x\"", "99999999999999999999",
        "\"vote@0\"", "\"replay:nothing\"", ":", ",", "{", "}", "[", "]", "\"", "\\", "\\u0000", "\\ud800"};

    static byte[] mutate(byte[] in, SplittableRandom rng) {
        byte[] b = in;
        int edits = 1 + rng.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = rng.nextInt(b.length + 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (rng.nextInt(6)) {
                case 0 -> { // delete a run of bytes
                    int len = Math.min(b.length - Math.min(at, b.length), 1 + rng.nextInt(12));
                    out.write(b, 0, Math.min(at, b.length));
                    out.write(b, Math.min(at, b.length) + len, b.length - Math.min(at, b.length) - len);
                }
                case 1, 2 -> { // insert a JSON-ish token
                    out.write(b, 0, at);
                    out.writeBytes(TOKENS[rng.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                    out.write(b, at, b.length - at);
                }
                case 3 -> { // a random byte (possibly breaking UTF-8)
                    out.write(b, 0, at);
                    out.write(rng.nextInt(256));
                    out.write(b, at, b.length - at);
                }
                case 4 -> { // truncate
                    out.write(b, 0, at);
                }
                default -> { // replace a value after a colon with a token of another type
                    String s = new String(b, StandardCharsets.UTF_8);
                    int colon = s.indexOf(':', Math.min(at, s.length()));
                    if (colon < 0) colon = s.indexOf(':');
                    int end = colon < 0 ? -1 : nextDelimiter(s, colon + 1);
                    String t = colon < 0 ? s : s.substring(0, colon + 1) + " " + TOKENS[rng.nextInt(TOKENS.length)] + s.substring(end);
                    out.writeBytes(t.getBytes(StandardCharsets.UTF_8));
                }
            }
            b = out.toByteArray();
        }
        return b;
    }

    private static int nextDelimiter(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) quoted = !quoted;
            if (!quoted && (c == ',' || c == '}' || c == ']')) return i;
        }
        return s.length();
    }
}
