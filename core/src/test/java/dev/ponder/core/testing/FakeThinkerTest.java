package dev.ponder.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.CompletionRequest;
import dev.ponder.core.backend.openai.OpenAiBackend;
import dev.ponder.core.backend.openai.OpenAiConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeThinkerTest {
    @Test
    void thinks_stops_at_the_delimiter_continues_after_wait_and_answers_once_thinking_is_closed() {
        try (var server = FakeOpenAiServer.start(FakeThinker.handler(5, "The answer is 42."))) {
            OpenAiBackend b = OpenAiBackend.create(OpenAiConfig.builder(server.baseUrl()).model("m").build());
            String prompt = "Q: what? <think>";

            Generation first = b.complete(CompletionRequest.of("m", prompt, 100, List.of("</think>"))).generations().getFirst();
            assertThat(first.text()).isEqualTo(" t1 t2 t3 t4 t5 ");
            String extended = prompt + first.text().stripTrailing() + " Wait";
            Generation second = b.complete(CompletionRequest.of("m", extended, 100, List.of("</think>"))).generations().getFirst();
            assertThat(second.text()).isEqualTo(" t7 t8 t9 t10 t11 ");
            Generation capped = b.complete(CompletionRequest.of("m", prompt, 3, List.of("</think>"))).generations().getFirst();
            assertThat(capped.text()).isEqualTo(" t1 t2 t3");
            assertThat(capped.finishReason()).isEqualTo("length");
            Generation answer = b.complete(CompletionRequest.of("m", extended + " </think>", 50, List.of())).generations().getFirst();
            assertThat(answer.text()).isEqualTo(" The answer is 42.");
        }
    }
}
