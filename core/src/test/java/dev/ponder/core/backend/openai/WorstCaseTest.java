package dev.ponder.core.backend.openai;

import static dev.ponder.core.backend.openai.Fixture.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.model.Usage;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeReply;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorstCaseTest {
    private final Fixture fx = new Fixture();

    @Test
    void input_from_characters_and_output_from_the_cap_times_n() {
        try (var server = FakeOpenAiServer.start()) {
            OpenAiBackend honours = OpenAiBackend.create(fx.config(server).nParameter(NParameter.HONOURED).build());
            // 40 characters / 2 + 4 per message + 8
            Usage u = honours.worstCase(ask("x".repeat(40), 3).withMaxTokens(100));

            assertThat(u.inputTokens()).isEqualTo(32);
            assertThat(u.outputTokens()).isEqualTo(300);
            assertThat(u.dollars()).isCloseTo(Fixture.dollars(32, 300), within(1e-12));
        }
    }

    @Test
    void without_a_cap_uses_max_completion_tokens_from_the_body_or_the_default() {
        try (var server = FakeOpenAiServer.start()) {
            OpenAiBackend b = OpenAiBackend.create(fx.config(server).defaultMaxTokens(1000).build());
            GenerationRequest withExtra = new GenerationRequest("fake-model", ask("q", 1).messages(), 1, Optional.empty(),
                    Optional.empty(), Map.of("max_completion_tokens", 64));

            assertThat(b.worstCase(ask("q", 1)).outputTokens()).isEqualTo(1000);
            assertThat(b.worstCase(withExtra).outputTokens()).isEqualTo(64);
        }
    }

    @Test
    void the_worst_case_bounds_what_a_call_really_uses_even_when_choices_come_from_parallel_requests() {
        try (var server = FakeOpenAiServer.start(r -> FakeReply.texts("one two three four five six seven eight nine ten"))) {
            OpenAiBackend b = fx.backend(server);
            GenerationRequest r = ask("a question of several words", 4).withMaxTokens(8);
            Usage worst = b.worstCase(r);
            Usage used = b.generate(r).generations().stream().map(g -> g.usage()).reduce(Usage.ZERO, Usage::plus);

            assertThat(server.requestCount()).isEqualTo(4);
            assertThat(used.inputTokens()).isLessThanOrEqualTo(worst.inputTokens());
            assertThat(used.outputTokens()).isEqualTo(32).isLessThanOrEqualTo(worst.outputTokens());
            assertThat(used.dollars()).isLessThanOrEqualTo(worst.dollars());
        }
    }
}
