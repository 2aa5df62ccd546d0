package dev.ponder.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.answer.Grouping;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.backend.ScriptedBackend;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.budget.Meter;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import dev.ponder.core.model.Verdict;
import dev.ponder.core.testing.SharedData;
import dev.ponder.core.testing.WordVectors;
import dev.ponder.core.trace.Call;
import dev.ponder.core.trace.Trace;
import dev.ponder.core.verify.Verifier;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** vote@N, adaptive and best@N over free-form replies grouped by meaning (embeddings) or picked by a judge (USC). */
class GroupedVoteTest {
    private static final Problem PROBLEM = new Problem("sky", "Why is the sky blue?", "");
    private static final Usage PER_CALL = new Usage(10, 20, 0, 0.001, Duration.ZERO);
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
    private static final String WRONG = "the sky reflects the blue of the ocean";
    private static final List<String> RIGHT = List.of(
            "air molecules scatter blue sunlight more than red light",
            "blue sunlight is scattered by air molecules more than red light is",
            "air scatters blue light more than red light, so the sky looks blue");
    private static final Grouping SEMANTIC = AnswerExtractor.semantic(new WordVectors(), 0.5);

    @Test
    void vote_replies_with_the_medoid_of_the_largest_group() {
        Result r = Strategy.vote(5).solve(session(texts(WRONG, RIGHT.get(2), WRONG + " water", RIGHT.get(1), RIGHT.get(0)), SEMANTIC, Budget.UNLIMITED));
        assertThat(r.samples()).extracting(Sample::answer).containsExactly(WRONG, RIGHT.get(2), WRONG, RIGHT.get(2), RIGHT.get(2));
        assertThat(r.chosen().orElseThrow().index()).as("the member closest to the other two").isEqualTo(4);
        assertThat(r.answer()).isEqualTo(RIGHT.get(0));
        assertThat(r.text()).isEqualTo(RIGHT.get(0));
        assertThat(r.confidence()).isEqualTo(0.6);
    }

    @Test
    void adaptive_stops_once_the_groups_agree_though_no_two_texts_are_equal() {
        Backend b = Backend.scripted().script(i -> RIGHT.get(i % 3) + (i >= 3 ? " indeed" : "")).usagePerGeneration(PER_CALL).build();
        Result grouped = Strategy.parse("ac@0.95").solve(session(b, SEMANTIC, Budget.UNLIMITED));
        assertThat(grouped.samples()).hasSize(4);
        assertThat(grouped.confidence()).isEqualTo(1.0);
        Backend again = Backend.scripted().script(i -> RIGHT.get(i % 3) + (i >= 3 ? " indeed" : "")).usagePerGeneration(PER_CALL).build();
        Result byWording = Strategy.parse("ac@0.95").solve(session(again, AnswerExtractor.exact(), Budget.dollars(0.0105)));
        assertThat(byWording.samples()).as("distinct wordings never settle").hasSize(10);
    }

    @Test
    void best_replies_with_the_best_scored_sample_itself() {
        Session s = new Session(PROBLEM, texts(RIGHT.get(0), WRONG, RIGHT.get(2)), request(), new Meter(Budget.UNLIMITED, CLOCK), new Trace("t"),
                SEMANTIC, false, new SplittableRandom(1), CLOCK,
                Optional.of(Verifier.named("says-so", (p, a) -> a.contains("so the sky") ? Verdict.accepted("ok")
                        : Verdict.rejected("no"))));
        Result r = Strategy.parse("best@3").solve(s);
        assertThat(r.chosen().orElseThrow().index()).isEqualTo(2);
        assertThat(r.answer()).isEqualTo(RIGHT.get(2));
    }

    @Test
    void usc_asks_once_with_every_reply_numbered_and_counts_the_call() {
        Recording b = new Recording(texts(WRONG, WRONG, RIGHT.get(0), RIGHT.get(1), "The most consistent response is Response 3."));
        Result r = Strategy.vote(4).solve(session(b, AnswerExtractor.usc(), Budget.UNLIMITED));
        assertThat(r.chosen().orElseThrow().index()).isEqualTo(3);
        assertThat(r.answer()).isEqualTo(RIGHT.get(1));
        assertThat(r.confidence()).isEqualTo(0.25);
        String prompt = b.requests.getLast().messages().getLast().content();
        assertThat(prompt).startsWith("I have generated the following responses to the question: Why is the sky blue?")
                .contains("Response 0: " + WRONG, "Response 3: " + RIGHT.get(1), "Select the most consistent response based on majority consensus.");
        assertThat(r.trace().calls()).extracting(Call::purpose).containsExactly("sample", "usc");
        assertThat(r.usage().dollars()).isEqualTo(5 * 0.001, Offset.offset(1e-12));
        assertThat(r.usage().outputTokens()).isEqualTo(100);
        assertThat(r.samples()).hasSize(4);
    }

    @Test
    void usc_without_budget_for_the_judge_keeps_the_counted_vote() {
        Recording b = new Recording(texts(WRONG, RIGHT.get(0), WRONG, "The most consistent response is Response 1."));
        Result r = Strategy.vote(3).solve(session(b, AnswerExtractor.usc(), Budget.dollars(0.0035)));
        assertThat(b.requests).hasSize(1);
        assertThat(r.answer()).isEqualTo(WRONG);
        assertThat(r.confidence()).isEqualTo(2.0 / 3);
        assertThat(r.stop()).isEqualTo(StopReason.BUDGET);
        assertThat(r.usage().dollars()).isLessThanOrEqualTo(0.0035);
    }

    @Test
    void usc_with_a_reply_naming_no_response_keeps_the_counted_vote_and_still_pays_for_it() {
        Result r = Strategy.vote(3).solve(session(texts(RIGHT.get(0), WRONG, WRONG, "They all seem fine to me."), AnswerExtractor.usc(), Budget.UNLIMITED));
        assertThat(r.answer()).isEqualTo(WRONG);
        assertThat(r.usage().dollars()).isEqualTo(4 * 0.001, Offset.offset(1e-12));
        Result outOfRange = Strategy.vote(2).solve(session(texts(RIGHT.get(0), WRONG, "The most consistent response is Response 7."),
                AnswerExtractor.usc(), Budget.UNLIMITED));
        assertThat(outOfRange.answer()).isEqualTo(RIGHT.get(0));
    }

    @Test
    void reads_the_judges_choice_in_the_papers_format_and_loosely() {
        assertThat(Consensus.choice("The most consistent response is Response 2.", 5)).contains(2);
        assertThat(Consensus.choice("**The most consistent response is Response 4**", 5)).contains(4);
        assertThat(Consensus.choice("I pick response 1 because...", 5)).contains(1);
        assertThat(Consensus.choice("The most consistent response is Response 5", 5)).isEmpty();
        assertThat(Consensus.choice("none", 5)).isEmpty();
    }

    @Test
    void a_replayed_bank_is_grouped_from_its_text_and_asks_no_judge() {
        var bank = BankReader.read(SharedData.shippedBank("game24-gpt4-io"));
        Problem p = bank.problems().getFirst();
        Backend replay = Backend.replay(bank, Optional.empty(), PriceCatalogue.shipped());
        Session s = new Session(p, replay, request().withProblemId(p.id()), new Meter(Budget.UNLIMITED, CLOCK), new Trace("t"),
                AnswerExtractor.usc(), true, new SplittableRandom(1), CLOCK);
        Result r = Strategy.vote(3).solve(s);
        assertThat(r.samples()).allSatisfy(x -> assertThat(x.answer()).isEqualTo(Grouping.normalise(x.text())).startsWith("Answer:"));
        assertThat(r.trace().calls()).extracting(Call::purpose).containsOnly("sample");
    }

    private static ScriptedBackend texts(String... t) {
        return Backend.scripted().texts(t).usagePerGeneration(PER_CALL).build();
    }

    private static GenerationRequest request() {
        return GenerationRequest.of("m", List.of(Message.user(PROBLEM.question())), 1);
    }

    private static Session session(Backend b, AnswerExtractor ex, Budget budget) {
        return new Session(PROBLEM, b, request(), new Meter(budget, CLOCK), new Trace("t"), ex, false, new SplittableRandom(1), CLOCK);
    }

    /** A scripted backend that keeps the requests it was sent. */
    private static final class Recording implements Backend {
        final List<GenerationRequest> requests = new ArrayList<>();
        private final ScriptedBackend inner;

        Recording(ScriptedBackend inner) { this.inner = inner; }

        @Override
        public String name() { return inner.name(); }

        @Override
        public Generated generate(GenerationRequest request) {
            requests.add(request);
            return inner.generate(request);
        }

        @Override
        public Usage worstCase(GenerationRequest request) { return inner.worstCase(request); }
    }
}
