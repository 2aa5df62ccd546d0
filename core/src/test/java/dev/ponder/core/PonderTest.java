package dev.ponder.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.Price;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.calibrate.CalibrationFile;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Usage;
import dev.ponder.core.route.Knob;
import dev.ponder.core.route.Predictor;
import dev.ponder.core.route.Router;
import dev.ponder.core.route.SpendCalibration;
import dev.ponder.core.route.Tier;
import dev.ponder.core.route.TierEstimate;
import dev.ponder.core.strategy.StopReason;
import dev.ponder.core.testing.SharedData;
import dev.ponder.core.testing.TestCalibrations;
import dev.ponder.core.verify.CheckerSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PonderTest {
    private static final Usage PER_SAMPLE = new Usage(10, 20, 0, 0.001, Duration.ZERO);

    /** Mostly 42, every third sample 41. */
    private static Backend scripted() {
        return Backend.scripted().script(i -> i % 3 == 2 ? "I think the answer is 41." : "The answer is 42.")
                .usagePerGeneration(PER_SAMPLE).build();
    }

    private static Ponder engine(Backend b) {
        return Ponder.builder().backend("m", b).answers(AnswerExtractor.number()).build();
    }

    @Test
    void solves_with_a_vote_and_accounts_for_every_sample() {
        Solution s = engine(scripted()).solve("What is 6 x 7?", Policy.vote(5));
        assertThat(s.answer()).isEqualTo("42");
        assertThat(s.text()).isEqualTo("The answer is 42.");
        assertThat(s.confidence()).isEqualTo(4 / 5.0);
        assertThat(s.sampleCount()).isEqualTo(5);
        assertThat(s.usage().outputTokens()).isEqualTo(100);
        assertThat(s.dollars()).isCloseTo(0.005, Offset.offset(1e-12));
        assertThat(s.policy()).isEqualTo("vote@5:m");
        assertThat(s.stop()).isEqualTo(StopReason.DONE);
        assertThat(s.trace().calls()).hasSize(1);
        assertThat(s.trace().total()).isEqualTo(s.usage());
    }

    @Test
    void prices_token_only_usage_from_the_catalogue_and_holds_the_dollar_budget() {
        Backend tokensOnly = Backend.scripted().texts("42", "42", "42", "42", "42")
                .usagePerGeneration(new Usage(1000, 1000, 0, 0, Duration.ZERO)).build();
        Ponder p = Ponder.builder().backend("cheap", tokensOnly)
                .prices(new PriceCatalogue(Map.of("cheap", new Price(1.0, 2.0)))).build();
        // each sample costs 1000 x $1/M + 1000 x $2/M = $0.003: a $0.01 budget buys 3 of the 5
        Solution s = p.solve("q", Policy.vote(5).withBudgetDollars(0.01));
        assertThat(s.sampleCount()).isEqualTo(3);
        assertThat(s.dollars()).isCloseTo(0.009, Offset.offset(1e-12));
    }

    @Test
    void passes_the_conversation_and_the_policy_model_to_the_backend() {
        List<String> seen = new ArrayList<>();
        Backend spy = new Backend() {
            public String name() { return "spy"; }
            public Generated generate(GenerationRequest r) {
                seen.add(r.model() + " " + r.messages().stream().map(m -> m.role() + "=" + m.content()).toList() + " n=" + r.n()
                        + " max=" + r.maxTokens().orElse(-1));
                return Generated.once(IntStream.range(0, r.n()).mapToObj(i -> Generation.live("ok 7", "", "stop", PER_SAMPLE)).toList());
            }
            public Usage worstCase(GenerationRequest r) { return PER_SAMPLE; }
        };
        Ponder p = Ponder.builder().backend("a", scripted()).backend("b", spy).build();
        p.solve(List.of(Message.system("be brief"), Message.user("q")), Policy.parse("single:b").withMaxTokens(64));
        assertThat(seen).containsExactly("b [system=be brief, user=q] n=1 max=64");
        assertThat(p.models()).containsExactly("a", "b");
    }

    @Test
    void unknown_models_and_auto_without_a_router_are_clear_errors() {
        Ponder p = engine(scripted());
        assertThatThrownBy(() -> p.solve("q", Policy.parse("vote@3:gpt-9"))).isInstanceOf(PonderException.class)
                .hasMessageContaining("gpt-9").hasMessageContaining("this engine has: m");
        assertThatThrownBy(() -> p.solve("q", Policy.auto())).hasMessageContaining("router");
        assertThatThrownBy(() -> Ponder.builder().build()).hasMessageContaining("no backend");
        assertThatThrownBy(() -> p.solve(List.of(), Policy.single())).hasMessageContaining("no messages");
    }

    @Test
    void a_strategy_that_needs_a_checker_is_refused_before_any_call() {
        AtomicInteger calls = new AtomicInteger();
        Backend counting = Backend.scripted().script(i -> {
            calls.incrementAndGet();
            return "The answer is 42.";
        }).build();
        Ponder p = engine(counting);
        assertThatThrownBy(() -> p.solve("q", Policy.parse("verify@3"))).isInstanceOf(PonderException.class)
                .hasMessageContaining("policy verify@3 needs a checker");
        assertThatThrownBy(() -> p.solveAll(List.of("q", "r"), Policy.parse("verify@3"))).hasMessageContaining("needs a checker");
        assertThat(calls).hasValue(0);
        Ponder checked = Ponder.builder().backend("m", counting).answers(AnswerExtractor.number())
                .checker(CheckerSpec.parse("regex:42").create(CheckerSpec.Resources.none())).build();
        assertThat(checked.solve("q", Policy.parse("verify@3")).answer()).isEqualTo("42");
    }

    @Test
    void auto_asks_the_router_for_strategy_and_model() {
        Predictor predictor = new Predictor() {
            public List<Tier> tiers() { return List.of(Tier.parse("single:cheap"), Tier.parse("vote@3:strong")); }
            public List<TierEstimate> predict(String query) {
                boolean hard = query.contains("hard");
                return List.of(new TierEstimate(hard ? 0.2 : 0.9, 0.001), new TierEstimate(0.95, 0.01));
            }
        };
        Ponder p = Ponder.builder().backend("cheap", scripted()).backend("strong", scripted())
                .router(Router.of(predictor, SpendCalibration.of(List.of())), new Knob.Lambda(10)).build();
        assertThat(p.solve("an easy one", Policy.auto()).policy()).isEqualTo("single:cheap");
        assertThat(p.solve("a hard one", Policy.auto()).policy()).isEqualTo("vote@3:strong");
    }

    @Test
    void streams_progress_after_each_sample_then_the_solution() {
        List<String> events = new ArrayList<>();
        Solution s = engine(scripted()).stream("What is 6 x 7?", Policy.vote(3), new SolveListener() {
            @Override public void onProgress(Progress p) { events.add(p.line()); }
            @Override public void onSolution(Solution sol) { events.add("answer " + sol.answer()); }
        }).join();
        assertThat(events).containsExactly(
                "1 sample, vote 42 (1/1), $0.001000",
                "2 samples, vote 42 (2/2), $0.002000",
                "3 samples, vote 42 (2/3), $0.003000",
                "answer 42");
        assertThat(s.answer()).isEqualTo("42");
    }

    @Test
    void async_and_batch_solve_on_virtual_threads() {
        Ponder p = engine(scripted());
        assertThat(p.solveAsync("q", Policy.single()).join().answer()).isEqualTo("42");
        List<Solution> all = p.solveAll(List.of("a", "b", "c", "d"), Policy.vote(3));
        assertThat(all).hasSize(4).allSatisfy(s -> assertThat(s.sampleCount()).isEqualTo(3));
    }

    @Test
    void a_failing_backend_gives_a_solution_that_carries_the_failure() {
        Backend failing = Backend.scripted().texts("!fail:RATE_LIMITED").build();
        Solution s = engine(failing).solve("q", Policy.vote(3));
        assertThat(s.answered()).isFalse();
        assertThat(s.stop()).isEqualTo(StopReason.FAILED);
        assertThat(s.failure()).hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(PonderException.Kind.RATE_LIMITED));
        assertThatThrownBy(s::orThrow).isInstanceOf(PonderException.class);
        Solution broke = engine(scripted()).solve("q", Policy.vote(3).withBudgetDollars(0.0001));
        assertThatThrownBy(broke::orThrow).hasMessageContaining("BUDGET");
    }

    @Test
    void adaptive_runs_a_calibration_given_in_code_or_as_a_file(@org.junit.jupiter.api.io.TempDir Path dir) {
        Backend agreeing = Backend.scripted().script(i -> "The answer is 42.").usagePerGeneration(PER_SAMPLE).build();
        var margin3 = TestCalibrations.of("margin", 3, 10, "m");
        Solution s = engine(agreeing).solve("q", Policy.adaptive(margin3));
        assertThat(s.sampleCount()).isEqualTo(3);
        assertThat(s.answer()).isEqualTo("42");
        Path f = dir.resolve("cal.json");
        CalibrationFile.write(f, TestCalibrations.of("esc", 2, 10, "m"));
        assertThat(engine(agreeing).solve("q", Policy.adaptive(f)).sampleCount()).isEqualTo(2);
        assertThat(engine(agreeing).solve("q", Policy.parse("adaptive:" + f + ":m")).sampleCount()).isEqualTo(2);
        var other = TestCalibrations.of("esc", 2, 10, "gpt-4o");
        assertThatThrownBy(() -> engine(agreeing).solve("q", Policy.adaptive(other))).isInstanceOf(PonderException.class)
                .hasMessageContaining("made for model gpt-4o with number answers, not for model m with number answers");
    }

    @Test
    void replay_serves_a_bank_afresh_on_every_solve_and_seeds_the_order() {
        Bank bank = BankReader.read(SharedData.shippedBank("math-qwen25-rm8"));
        String q = bank.problems().getFirst().question();
        Ponder p = Ponder.builder().replay("qwen", bank).seed(7).build();
        Solution a = p.solve(q, Policy.vote(8));
        Solution b = p.solve(q, Policy.vote(8));
        assertThat(a.sampleCount()).isEqualTo(8);
        assertThat(b.answer()).isEqualTo(a.answer());
        assertThat(b.samples()).isEqualTo(a.samples());
        assertThat(p.solve(q, Policy.vote(9)).sampleCount()).as("a bank has 8 per problem").isEqualTo(8);
        assertThat(Ponder.builder().replay("qwen", bank).seed(8).build().solve(q, Policy.vote(8)).samples())
                .as("another seed, another order").isNotEqualTo(a.samples());
    }

    @Test
    void optimal_spends_a_batch_budget_where_votes_are_split() {
        // question "split" gets 42 and 41 in turn; the others always 42
        Backend mixed = new Backend() {
            private final Map<String, Integer> seen = new HashMap<>();
            public String name() { return "mixed"; }
            public synchronized Generated generate(GenerationRequest r) {
                List<Generation> out = new ArrayList<>();
                for (int i = 0; i < r.n(); i++) {
                    int k = seen.merge(r.lastUserMessage(), 1, Integer::sum);
                    String a = r.lastUserMessage().equals("split") && k % 2 == 0 ? "41" : "42";
                    out.add(Generation.live("The answer is " + a + ".", "", "stop", PER_SAMPLE));
                }
                return Generated.once(out);
            }
            public Usage worstCase(GenerationRequest r) { return PER_SAMPLE; }
        };
        Ponder p = Ponder.builder().backend("m", mixed).answers(AnswerExtractor.number()).build();
        List<Solution> s = p.solveAll(List.of("a", "split", "b", "c"), Policy.optimal(3));
        assertThat(s).extracting(Solution::policy).containsOnly("optimal@3:m");
        assertThat(s.stream().mapToInt(Solution::sampleCount).sum()).isEqualTo(12);
        assertThat(s.get(1).sampleCount()).as("the split question gets the spare samples").isGreaterThan(s.get(0).sampleCount());
        assertThatThrownBy(() -> p.solve("a", Policy.optimal(3))).hasMessageContaining("solveAll");
        assertThat(Policy.parse("optimal@2.5").strategy().written()).isEqualTo("optimal@2.5");
        assertThatThrownBy(() -> Policy.parse("optimal@0.5")).hasMessageContaining("optimal@0.5");
        assertThatThrownBy(() -> Policy.optimal(3).withMaxSamples(8)).hasMessageContaining("optimal@S");
    }

    @Test
    void a_cascade_reaches_each_tier_s_backend() {
        Backend cheap = Backend.scripted().script(i -> "The answer is " + (40 + i % 3) + ".").usagePerGeneration(PER_SAMPLE).name("cheap").build();
        Backend strong = Backend.scripted().script(i -> "The answer is 42.").usagePerGeneration(PER_SAMPLE).name("strong").build();
        Ponder p = Ponder.builder().backend("cheap", cheap).backend("strong", strong).answers(AnswerExtractor.number()).build();
        Solution s = p.solve("q", Policy.parse("cascade:cheap>strong"));
        assertThat(s.answer()).isEqualTo("42");
        assertThat(s.trace().calls()).extracting(c -> c.backend() + "/" + c.model()).containsExactly("cheap/cheap", "strong/strong");
        assertThatThrownBy(() -> p.solve("q", Policy.parse("cascade:cheap>huge"))).hasMessageContaining("\"huge\"");
    }
}
