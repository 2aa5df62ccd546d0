package dev.ponder.core.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Usage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DispatchTest {
    static GenerationRequest ask(String model) { return new GenerationRequest(model, List.of(Message.user("q")), 1, Optional.of(8), Optional.empty(), Map.of()); }

    static final Backend FAILING = new Backend() {
        @Override
        public String name() { return "down"; }

        @Override
        public Generated generate(GenerationRequest request) { throw new PonderException(PonderException.Kind.UPSTREAM_UNAVAILABLE, "down"); }

        @Override
        public Usage worstCase(GenerationRequest request) { return Usage.ZERO; }
    };

    static Backend dispatch() {
        Map<String, Supplier<Backend>> tiers = Map.of("cheap", () -> Backend.scripted().texts("1").name("cheap").build(),
                "strong", () -> Backend.scripted().texts("2").name("strong").build(), "down", () -> FAILING);
        return Backend.byModel(tiers);
    }

    @Test
    void each_model_is_named_by_its_own_backend_whichever_thread_asks() throws Exception {
        Backend d = dispatch();
        d.generate(ask("cheap"));
        assertThat(d.nameFor("cheap")).isEqualTo("cheap");
        assertThat(d.nameFor("strong > cheap")).as("a tier list means its first tier").isEqualTo("strong");
        assertThat(d.name()).isEqualTo("ponder");
        assertThat(Backend.byModel(Map.of("m", () -> FAILING)).name()).as("one backend: its name").isEqualTo("down");
        try (var other = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> there = other.submit(() -> {
                d.generate(ask("strong"));
                return d.nameFor("cheap");
            });
            assertThat(there.get()).as("no name left behind by another thread's last call").isEqualTo("cheap");
        }
    }

    @Test
    void a_failed_call_is_named_by_the_backend_that_failed() {
        Backend d = dispatch();
        assertThatThrownBy(() -> d.generate(ask("down"))).isInstanceOf(PonderException.class);
        assertThat(d.nameFor("down")).isEqualTo("down");
        assertThat(d.nameFor("cheap")).isEqualTo("cheap");
    }
}
