package dev.ponder.server.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.backend.openai.protocol.Endpoint;
import dev.ponder.core.backend.openai.protocol.RawResult;
import dev.ponder.core.backend.openai.protocol.Responses;
import dev.ponder.core.error.PonderException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A relayed body is passed on byte for byte except for the id, the model and the fields the proxy adds. */
class RelayedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Relayed relayed(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return new Relayed(b, CompletionScan.of(b, "test"), List.of(), 1);
    }

    private static ObjectNode extra() {
        ObjectNode e = JSON.createObjectNode();
        e.putObject("ponder").put("trace_id", "t1");
        return e;
    }

    @Test
    void id_and_model_values_are_replaced_and_the_rest_is_kept_byte_for_byte() {
        String body = "{\"id\":\"up-1\",\"object\":\"chat.completion\",  \"model\" : \"gpt-x\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"caf\\u00e9 \\\"quoted\\\" \u00e9\"},\"finish_reason\":\"length\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2},\"system_fingerprint\":\"fp\"}\n";
        String out = new String(relayed(body).answer("chatcmpl-t1", "my \"model\"", extra()), StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("{\"id\":\"chatcmpl-t1\",\"object\":\"chat.completion\",  \"model\" : \"my \\\"model\\\"\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"caf\\u00e9 \\\"quoted\\\" \u00e9\"},\"finish_reason\":\"length\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2},\"system_fingerprint\":\"fp\",\"ponder\":{\"trace_id\":\"t1\"}}\n");
    }

    @Test
    void a_missing_id_model_and_usage_are_added() throws Exception {
        ObjectNode e = extra();
        e.putObject("usage").put("prompt_tokens", 9);
        Relayed r = relayed("{\"choices\":[{\"message\":{\"content\":\"x\"}}]}");
        assertThat(r.reportedUsage()).isFalse();
        JsonNode out = JSON.readTree(r.answer("chatcmpl-t1", "m", e));
        assertThat(out.path("id").asText()).isEqualTo("chatcmpl-t1");
        assertThat(out.path("model").asText()).isEqualTo("m");
        assertThat(out.path("usage").path("prompt_tokens").asInt()).isEqualTo(9);
        assertThat(out.path("ponder").path("trace_id").asText()).isEqualTo("t1");
    }

    @Test
    void a_usage_that_is_not_an_object_is_replaced_by_our_estimate_not_duplicated() throws Exception {
        for (String usage : List.of("null", "7", "\"n/a\"")) {
            ObjectNode e = extra();
            e.putObject("usage").put("prompt_tokens", 9);
            Relayed r = relayed("{\"id\":\"u\",\"choices\":[],\"usage\":" + usage + "}");
            assertThat(r.reportedUsage()).as(usage).isFalse();
            String out = new String(r.answer("i", "m", e), StandardCharsets.UTF_8);
            assertThat(out.split("\"usage\"", -1)).as(out).hasSize(2);
            assertThat(JSON.readTree(out).path("usage").path("prompt_tokens").asInt()).isEqualTo(9);
        }
    }

    @Test
    void an_upstream_field_named_like_ours_is_replaced_not_duplicated() throws Exception {
        String out = new String(relayed("{\"id\":1,\"model\":{\"a\":[1,2]},\"ponder\":\"theirs\",\"choices\":[]}").answer("i", "m", extra()),
                StandardCharsets.UTF_8);
        assertThat(out.split("\"ponder\"", -1)).hasSize(2);
        JsonNode n = JSON.readTree(out);
        assertThat(n.path("ponder").path("trace_id").asText()).isEqualTo("t1");
        assertThat(n.path("id").asText()).isEqualTo("i");
        assertThat(n.path("model").asText()).isEqualTo("m");
    }

    @Test
    void malformed_or_trailing_content_is_a_bad_upstream_response() {
        for (String bad : List.of("[1]", "{\"id\":", "{\"a\":1} {\"b\":2}", "")) {
            assertThatThrownBy(() -> relayed(bad)).isInstanceOf(PonderException.class)
                    .satisfies(e -> assertThat(((PonderException) e).kind()).isEqualTo(PonderException.Kind.BAD_UPSTREAM_RESPONSE));
        }
    }

    @Test
    void seeded_random_bodies_come_out_as_the_same_tree_with_our_fields() throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            ObjectNode in = JSON.createObjectNode();
            int fields = rnd.nextInt(6);
            for (int f = 0; f < fields; f++) {
                String name = List.of("id", "model", "object", "choices", "usage", "x\u00e9", "created").get(rnd.nextInt(7));
                switch (rnd.nextInt(4)) {
                    case 0 -> in.put(name, "v\"" + rnd.nextInt(100) + "\u2603");
                    case 1 -> in.put(name, rnd.nextInt());
                    case 2 -> in.putArray(name).addObject().put("k", rnd.nextDouble());
                    default -> in.putNull(name);
                }
            }
            String text = rnd.nextBoolean() ? JSON.writeValueAsString(in) : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(in);
            ObjectNode expected = in.deepCopy();
            expected.put("id", "chatcmpl-z").put("model", "asked");
            expected.setAll(extra());
            JsonNode out = JSON.readTree(relayed(text).answer("chatcmpl-z", "asked", extra()));
            assertThat(out).as(text).isEqualTo(expected);
        }
    }

    @Test
    void choices_and_usage_read_from_the_tokens_match_the_tree_reading_on_seeded_random_answers() throws Exception {
        SplittableRandom rnd = new SplittableRandom(11);
        List<String> texts = List.of("\"x\"", "\"caf\u00e9 \\\"q\\\"\"", "null", "3", "{\"a\":[1]}", "[]", "\"\"");
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder("{\"id\":\"x\",\"choices\":[");
            int n = rnd.nextInt(4);
            for (int c = 0; c < n; c++) {
                if (c > 0) b.append(',');
                if (rnd.nextInt(10) == 0) {
                    b.append(texts.get(rnd.nextInt(texts.size())));
                    continue;
                }
                b.append('{');
                List<String> fields = new ArrayList<>();
                if (rnd.nextBoolean()) fields.add("\"index\":" + List.of("0", "1", "2", "7", "\"1\"", "3000000000", "1.5").get(rnd.nextInt(7)));
                if (rnd.nextBoolean()) fields.add("\"finish_reason\":" + List.of("\"stop\"", "\"length\"", "null", "1").get(rnd.nextInt(4)));
                if (rnd.nextInt(5) > 0) {
                    List<String> m = new ArrayList<>();
                    for (String k : List.of("content", "reasoning_content", "reasoning", "role", "tool_calls")) {
                        if (rnd.nextBoolean()) m.add("\"" + k + "\":" + texts.get(rnd.nextInt(texts.size())));
                    }
                    fields.add("\"message\":" + (rnd.nextInt(10) == 0 ? "\"oops\"" : "{" + String.join(",", m) + "}"));
                }
                if (rnd.nextBoolean()) fields.add("\"logprobs\":{\"content\":[{\"t\":1}]}");
                Collections.shuffle(fields, new Random(rnd.nextLong()));
                b.append(String.join(",", fields)).append('}');
            }
            b.append(']');
            if (rnd.nextBoolean()) {
                List<String> u = new ArrayList<>();
                if (rnd.nextInt(4) > 0) u.add("\"prompt_tokens\":" + List.of("12", "0", "-3", "\"9\"", "null", "2.7").get(rnd.nextInt(6)));
                if (rnd.nextBoolean()) u.add("\"completion_tokens\":" + List.of("5", "\"5\"", "null", "8.2").get(rnd.nextInt(4)));
                if (rnd.nextBoolean()) u.add("\"total_tokens\":" + List.of("30", "\"31\"", "null", "\"zz\"").get(rnd.nextInt(4)));
                if (rnd.nextBoolean()) u.add("\"completion_tokens_details\":{\"reasoning_tokens\":" + List.of("3", "\"4\"", "null").get(rnd.nextInt(3)) + "}");
                b.append(",\"usage\":").append(rnd.nextInt(8) == 0 ? "7" : "{" + String.join(",", u) + "}");
            }
            b.append('}');
            byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
            RawResult byTree;
            try {
                byTree = Responses.parse(JSON.readTree(body), Endpoint.CHAT, Optional.empty(), "w");
            } catch (PonderException e) {
                assertThatThrownBy(() -> CompletionScan.of(body, "w").result(Optional.empty(), "w", body)).as(b.toString())
                        .isInstanceOf(PonderException.class);
                continue;
            }
            assertThat(CompletionScan.of(body, "w").result(Optional.empty(), "w", body)).as(b.toString()).isEqualTo(byTree);
        }
    }
}
