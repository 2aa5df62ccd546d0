package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeReply;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tool calling and tool messages pass through intact for single, with usage counted. */
class PassthroughTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOOL_CALL = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake-upstream-model\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
            + "\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
            + "\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":10,\"total_tokens\":40}}";
    static final String BODY = "{\"model\": \"fake-model\", \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"weather\","
            + " \"parameters\": {\"type\": \"object\"}}}], \"messages\": [{\"role\": \"user\", \"content\": \"weather in Paris?\"},"
            + " {\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"call_0\", \"type\": \"function\","
            + " \"function\": {\"name\": \"weather\", \"arguments\": \"{}\"}}]}, {\"role\": \"tool\", \"tool_call_id\": \"call_0\","
            + " \"content\": \"sunny\"}]";
    @TempDir Path dir;

    @Test
    void tools_and_tool_messages_reach_the_upstream_intact_and_tool_calls_come_back() throws Exception {
        try (var up = FakeOpenAiServer.start(r -> new FakeReply.Raw(200, "application/json", TOOL_CALL));
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())), List.of(), Optional.empty(), dir))) {
            var r = Http.post(Fixtures.root(proxy), "v1/chat/completions", BODY + "}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode d = JSON.readTree(r.body());
            assertThat(d.path("choices").get(0).path("message").path("tool_calls").get(0).path("function").path("name").asText()).isEqualTo("weather");
            assertThat(d.path("model").asText()).isEqualTo("fake-model");
            assertThat(d.path("ponder").path("dollars").asDouble()).isCloseTo(0.04, Offset.offset(1e-9));
            JsonNode sent = up.requests().getFirst().body();
            assertThat(sent.path("model").asText()).isEqualTo("fake-upstream-model");
            assertThat(sent.path("tools")).isEqualTo(JSON.readTree(BODY + "}").path("tools"));
            assertThat(sent.path("messages")).isEqualTo(JSON.readTree(BODY + "}").path("messages"));
        }
    }

    @Test
    void streamed_tool_calls_are_relayed_chunk_by_chunk_with_usage() throws Exception {
        String sse = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"u\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":"
                + "{\"name\":\"weather\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n"
                + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"u\",\"choices\":[{\"index\":0,"
                + "\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
                + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"u\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":10,\"total_tokens\":40}}\n\ndata: [DONE]\n\n";
        try (var up = FakeOpenAiServer.start(r -> new FakeReply.Raw(200, "text/event-stream", sse));
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())), List.of(), Optional.empty(), dir))) {
            List<String> lines = StreamingTest.stream(Fixtures.root(proxy), BODY + ", \"stream\": true, \"stream_options\": {\"include_usage\": true}}", l -> { });
            List<JsonNode> chunks = StreamingTest.data(lines);
            assertThat(chunks).hasSize(3);
            assertThat(chunks.getFirst().path("choices").get(0).path("delta").path("tool_calls").get(0).path("id").asText()).isEqualTo("call_1");
            assertThat(chunks.getLast().path("usage").path("total_tokens").asInt()).isEqualTo(40);
            assertThat(chunks.getLast().path("ponder").path("dollars").asDouble()).isCloseTo(0.04, Offset.offset(1e-9));
            assertThat(lines).contains("data: [DONE]");
            assertThat(up.requests().getFirst().includeUsage()).isTrue();
        }
    }

    @Test
    void a_streamed_usage_with_only_a_total_is_read_like_any_other() throws Exception {
        String sse = "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"sunny\"},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: {\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":30,\"total_tokens\":40}}\n\ndata: [DONE]\n\n";
        try (var up = FakeOpenAiServer.start(r -> new FakeReply.Raw(200, "text/event-stream", sse));
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())), List.of(), Optional.empty(), dir))) {
            List<JsonNode> chunks = StreamingTest.data(StreamingTest.stream(Fixtures.root(proxy),
                    BODY + ", \"stream\": true, \"stream_options\": {\"include_usage\": true}}", l -> { }));
            assertThat(chunks.getLast().path("ponder").path("dollars").asDouble()).as("10 completion tokens from the total, 30 prompt")
                    .isCloseTo(0.04, Offset.offset(1e-9));
        }
    }

    @Test
    void what_only_the_upstream_can_read_is_refused_with_a_strategy_naming_the_part() throws Exception {
        String image = "{\"model\": \"vote@3:fake-model\", \"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\","
                + " \"text\": \"what is this?\"}, {\"type\": \"image_url\", \"image_url\": {\"url\": \"https://x/y.png\"}}]}]}";
        try (var up = FakeOpenAiServer.start();
             var proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())), List.of(), Optional.empty(), dir))) {
            var r = Http.post(Fixtures.root(proxy), "v1/chat/completions", image);
            assertThat(r.status()).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).path("error").path("param").asText()).isEqualTo("messages[0].content[1]");
            assertThat(up.requestCount()).isZero();
        }
    }
}
