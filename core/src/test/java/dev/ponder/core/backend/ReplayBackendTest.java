package dev.ponder.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.BankReader;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Message;
import dev.ponder.core.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayBackendTest {
    private final Bank bank = BankReader.read(SharedData.shippedBank("math-qwen25-rm8"));
    private final String id = bank.problems().getFirst().id();

    private List<String> texts(Backend b, int n) {
        return b.generate(GenerationRequest.of("m", List.of(Message.user("q")), n).withProblemId(id)).generations()
                .stream().map(Generation::text).toList();
    }

    @Test
    void recorded_order_serves_samples_by_index() {
        Backend b = Backend.replay(bank, Optional.empty(), PriceCatalogue.empty());
        assertThat(texts(b, 3)).containsExactlyElementsOf(bank.samplesOf(id).subList(0, 3).stream().map(s -> s.text()).toList());
    }

    @Test
    void the_same_seed_gives_the_same_order_and_another_seed_another() {
        List<String> a = texts(Backend.replay(bank, Optional.of(7L), PriceCatalogue.empty()), 8);
        List<String> b = texts(Backend.replay(bank, Optional.of(7L), PriceCatalogue.empty()), 8);
        assertThat(a).isEqualTo(b).containsExactlyInAnyOrderElementsOf(bank.samplesOf(id).stream().map(s -> s.text()).toList());
        List<Integer> orders = new ArrayList<>();
        for (long seed = 0; seed < 5; seed++) orders.add(texts(Backend.replay(bank, Optional.of(seed), PriceCatalogue.empty()), 8).hashCode());
        assertThat(orders).doesNotHaveDuplicates();
    }

    @Test
    void samples_are_served_without_replacement_and_exhaustion_is_explicit() {
        Backend b = Backend.replay(bank, Optional.of(1L), PriceCatalogue.empty());
        List<String> first = texts(b, 5);
        List<String> rest = texts(b, 3);
        assertThat(first.size() + rest.size()).isEqualTo(8);
        assertThatThrownBy(() -> texts(b, 1)).isInstanceOf(PonderException.class)
                .hasMessageContaining(id).hasMessageContaining("only 0 of its 8")
                .extracting(e -> ((PonderException) e).kind()).isEqualTo(PonderException.Kind.SAMPLES_EXHAUSTED);
    }

    @Test
    void a_question_is_matched_by_text_and_an_unknown_one_is_not_found() {
        Backend b = Backend.replay(bank, Optional.empty(), PriceCatalogue.empty());
        String q = bank.problems().getFirst().question();
        assertThat(b.generate(GenerationRequest.of("m", List.of(Message.user(q)), 1)).generations()).hasSize(1);
        assertThatThrownBy(() -> b.generate(GenerationRequest.of("m", List.of(Message.user("what is love?")), 1)))
                .extracting(e -> ((PonderException) e).kind()).isEqualTo(PonderException.Kind.NOT_FOUND);
    }

    @Test
    void recorded_tokens_and_cost_are_the_usage() {
        Bank g = BankReader.read(SharedData.shippedBank("game24-gpt4-io"));
        String gid = g.problems().getFirst().id();
        Backend b = Backend.replay(g, Optional.empty(), PriceCatalogue.empty());
        Generation gen = b.generate(GenerationRequest.of("m", List.of(Message.user("q")), 1).withProblemId(gid)).generations().getFirst();
        assertThat(gen.usage().dollars()).isEqualTo(g.samplesOf(gid).getFirst().costUsd().orElseThrow());
        assertThat(gen.recordedCorrect()).contains(g.samplesOf(gid).getFirst().correct());
    }
}
