package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Problem;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeThinker;
import dev.ponder.core.trace.Call;
import dev.ponder.core.trace.Trace;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** cascade and optimal choose a longer chain when the votes lean one way, more samples when they split. */
class ComputeChoiceTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));

    /** Chat choices answer by index from {@code byChoice}; completions (a forced chain) answer 42. */
    private static FakeOpenAiServer server(String... byChoice) {
        return FakeOpenAiServer.start(FakeThinker.handler(p -> 50, (p, t, i) -> "The answer is " + byChoice[i % byChoice.length] + "."));
    }

    private static Session session(FakeOpenAiServer server, String id) {
        Backend b = Backend.openAi(OpenAiConfig.builder(server.baseUrl()).model("m").clock(CLOCK).build());
        Problem p = new Problem(id, "What is 6 times 7? (" + id + ")", "42");
        return new Session(p, b, GenerationRequest.of("m", List.of(Message.user(p.question())), 1), new Meter(Budget.UNLIMITED, CLOCK),
                new Trace(id), AnswerExtractor.number(), false, new SplittableRandom(1), CLOCK);
    }

    private static List<String> purposes(Result r) { return r.trace().calls().stream().map(Call::purpose).toList(); }

    @Test
    void cascade_spends_on_a_longer_chain_when_a_majority_is_not_yet_trusted() {
        try (var server = server("42", "42", "42", "41", "40")) {
            Result r = Strategy.parse("cascade@5").solve(session(server, "a"));
            // the chain stops after 50 thinking tokens each time: extended twice with Wait, then answered
            assertThat(purposes(r)).containsExactly("sample", "think", "think", "think", "answer");
            assertThat(r.answer()).isEqualTo("42");
            assertThat(r.confidence()).isEqualTo(4.0 / 6);
            // the chain is worth the tier's five samples: 5 x 54 output tokens (50 thinking, 4 answer)
            assertThat(server.requests().get(1).maxTokens()).hasValue(5 * 54);
        }
    }

    @Test
    void cascade_draws_more_samples_when_the_votes_split() {
        try (var server = server("42", "41", "40", "39")) {
            Result r = Strategy.parse("cascade@4").solve(session(server, "b"));
            assertThat(purposes(r)).containsExactly("sample", "sample");
            assertThat(r.samples()).hasSize(8);
        }
    }

    @Test
    void optimal_gives_a_leaning_question_a_chain_counted_as_two_samples() {
        try (var server = server("42", "41")) {
            List<Result> rs = BatchStrategy.optimal(6, 8).solve(List.of(session(server, "c")));
            // pilot 42/41 splits: one more sample (42) makes a majority, then a chain of two samples' tokens, then
            // one sample fills the batch's six
            List<String> p = purposes(rs.getFirst());
            assertThat(p.subList(0, 3)).containsExactly("sample", "sample", "think");
            assertThat(p).endsWith("think", "answer", "sample");
            assertThat(rs.getFirst().samples()).hasSize(5);
            assertThat(server.requests().get(2).maxTokens()).hasValue(2 * 54);
            assertThat(rs.getFirst().answer()).isEqualTo("42");
        }
    }

    @Test
    void without_completions_it_is_always_more_samples() {
        Backend scripted = Backend.scripted().script(i -> "The answer is 42.").build();
        Session s = new Session(new Problem("d", "q", "42"), scripted, GenerationRequest.of("m", List.of(Message.user("q")), 1),
                new Meter(Budget.UNLIMITED, CLOCK), new Trace("d"), AnswerExtractor.number(), false, new SplittableRandom(1), CLOCK);
        s.draw(3);
        assertThat(ComputeChoice.choose(s, Tally.of(s.drawn()))).isEqualTo(ComputeChoice.Spend.MORE_SAMPLES);
    }
}
