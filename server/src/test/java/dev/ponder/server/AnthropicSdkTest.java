package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import dev.ponder.core.testing.SharedData;
import dev.ponder.server.config.ProxyConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The official Anthropic Java SDK against the proxy's Messages API in no-config mode (bank replay), with every strategy. */
class AnthropicSdkTest {
    static ProxyServer server;
    static AnthropicClient client;

    @BeforeAll
    static void start() {
        server = ProxyServer.start(ProxyConfig.banksOnly(List.of(SharedData.shippedBank("math-qwen25-rm8")), 0));
        client = client(server);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    /** A client of the proxy at its root, as Anthropic's SDK is pointed at one (it adds /v1/messages itself). */
    static AnthropicClient client(ProxyServer s) {
        return AnthropicOkHttpClient.builder().baseUrl("http://127.0.0.1:" + s.port()).apiKey("not-needed").maxRetries(0).build();
    }

    /** A client that try-with-resources closes (the SDK's interface is not AutoCloseable). */
    record Sdk(AnthropicClient client) implements AutoCloseable {
        @Override
        public void close() { client.close(); }
    }

    static Sdk open(ProxyServer s) { return new Sdk(client(s)); }

    static MessageCreateParams.Builder ask(String model) {
        return MessageCreateParams.builder().model(model).maxTokens(1024L).system("Answer in a box.").addUserMessage(NoConfigTest.DICE);
    }

    /** Every event of a streamed call, and the message the SDK's accumulator made of them. */
    record Streamed(List<RawMessageStreamEvent> events, Message message) {
        List<String> types() { return events.stream().map(Streamed::type).toList(); }

        static String type(RawMessageStreamEvent e) {
            if (e.isMessageStart()) return "message_start";
            if (e.isContentBlockStart()) return "content_block_start";
            if (e.isContentBlockDelta()) return "content_block_delta";
            if (e.isContentBlockStop()) return "content_block_stop";
            if (e.isMessageDelta()) return "message_delta";
            return e.isMessageStop() ? "message_stop" : "other";
        }
    }

    static Streamed stream(AnthropicClient c, MessageCreateParams params) {
        MessageAccumulator acc = MessageAccumulator.create();
        List<RawMessageStreamEvent> events = new ArrayList<>();
        try (StreamResponse<RawMessageStreamEvent> s = c.messages().createStreaming(params)) {
            s.stream().forEach(e -> events.add(acc.accumulate(e)));
        }
        return new Streamed(events, acc.message());
    }

    static String text(Message m) {
        StringBuilder out = new StringBuilder();
        for (ContentBlock b : m.content()) b.text().ifPresent(t -> out.append(t.text()));
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"replay:math-qwen25-rm8", "vote@5:replay:math-qwen25-rm8", "adaptive:replay:math-qwen25-rm8"})
    @SuppressWarnings("deprecation") // the SDK marks extension-field access deprecated; the ponder field is one
    void plain(String model) {
        Message m = client.messages().create(ask(model).build());
        m.validate();
        assertThat(m.content().getFirst().isText()).isTrue();
        assertThat(text(m)).contains("boxed");
        assertThat(m.stopReason()).contains(StopReason.END_TURN);
        assertThat(m.id()).startsWith("msg_");
        assertThat(m.model().asString()).isEqualTo(model);
        assertThat(m._additionalProperties()).containsKey("ponder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"replay:math-qwen25-rm8", "vote@5:replay:math-qwen25-rm8", "adaptive:replay:math-qwen25-rm8"})
    void streaming(String model) {
        Streamed s = stream(client, ask(model).build());
        s.message().validate();
        assertThat(text(s.message())).contains("\\boxed{\\frac{1}{9}}");
        assertThat(s.types().getFirst()).isEqualTo("message_start");
        assertThat(s.types()).contains("content_block_start", "content_block_delta", "content_block_stop", "message_delta")
                .endsWith("message_stop");
        assertThat(s.message().stopReason()).contains(StopReason.END_TURN);
    }

    @Test
    void count_tokens_estimates_a_quarter_token_a_character() {
        var counted = client.messages().countTokens(com.anthropic.models.messages.MessageCountTokensParams.builder().model("replay:math-qwen25-rm8")
                .system("Answer in a box.").addUserMessage(NoConfigTest.DICE).build());
        assertThat(counted.inputTokens()).isEqualTo(("Answer in a box.".length() + NoConfigTest.DICE.length() + 3) / 4);
        assertThatThrownBy(() -> client.messages().countTokens(com.anthropic.models.messages.MessageCountTokensParams.builder()
                .model("replay:math-qwen25-rm8").addUserMessage("x").putAdditionalBodyProperty("top_k", JsonValue.from("many")).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("top_k must be an integer");
    }

    @Test
    void errors_arrive_as_sdk_exceptions_in_anthropic_s_format() {
        assertThatThrownBy(() -> client.messages().create(ask("no-such-model").build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("is not served")
                .satisfies(e -> assertThat(((NotFoundException) e).body().toString()).contains("not_found_error"));
        assertThatThrownBy(() -> client.messages().create(ask("vote@0:replay:math-qwen25-rm8").build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("vote@N needs N >= 1");
        assertThatThrownBy(() -> client.messages().create(ask("replay:math-qwen25-rm8").putAdditionalBodyProperty("temperature", JsonValue.from(3)).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("temperature must be in 0..1");
    }
}
