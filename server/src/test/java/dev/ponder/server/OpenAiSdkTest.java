package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.ponder.core.testing.SharedData;
import dev.ponder.server.config.ProxyConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK against the proxy in no-config mode (bank replay). */
class OpenAiSdkTest {
    static ProxyServer server;
    static OpenAIClient client;

    @BeforeAll
    static void start() {
        server = ProxyServer.start(ProxyConfig.banksOnly(List.of(SharedData.shippedBank("math-qwen25-rm8")), 0));
        client = OpenAIOkHttpClient.builder().baseUrl(server.baseUrl().toString()).apiKey("not-needed").maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static ChatCompletionCreateParams.Builder ask(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(NoConfigTest.DICE);
    }

    @Test
    @SuppressWarnings("deprecation") // the SDK marks extension-field access deprecated; the ponder field is one
    void plain() {
        ChatCompletion c = client.chat().completions().create(ask("replay:math-qwen25-rm8").build());
        assertThat(c.choices()).hasSize(1);
        assertThat(c.choices().getFirst().message().content()).hasValueSatisfying(t -> assertThat(t).contains("boxed"));
        assertThat(c._additionalProperties()).containsKey("ponder");
    }

    @Test
    void n_three() {
        ChatCompletion c = client.chat().completions().create(ask("vote@8:replay:math-qwen25-rm8").n(3L).build());
        assertThat(c.choices()).hasSize(3);
        assertThat(c.choices()).allSatisfy(ch -> assertThat(ch.message().content().orElse("")).contains("frac{1}{9}"));
    }

    @Test
    @SuppressWarnings("deprecation")
    void streaming_with_usage() {
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> s = client.chat().completions().createStreaming(ask("vote@8:replay:math-qwen25-rm8")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            s.stream().forEach(chunks::add);
        }
        StringBuilder text = new StringBuilder();
        for (var ch : chunks) for (var choice : ch.choices()) choice.delta().content().ifPresent(text::append);
        assertThat(text.toString()).contains("\\boxed{\\frac{1}{9}}");
        assertThat(chunks.getLast().usage()).isPresent();
        assertThat(chunks.getLast()._additionalProperties()).containsKey("ponder");
    }

    @Test
    void errors_arrive_as_sdk_exceptions() {
        assertThatThrownBy(() -> client.chat().completions().create(ask("no-such-model").build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("is not served");
        assertThatThrownBy(() -> client.chat().completions().create(ask("vote@0:replay:math-qwen25-rm8").build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("vote@N needs N >= 1");
    }
}
