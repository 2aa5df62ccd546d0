package dev.ponder.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.model.Usage;
import dev.ponder.core.testing.FakeOpenAiServer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What an engine owns and closes, and what it reads from its builder. */
class PonderLifecycleTest {

    /** A backend that can be held mid-call and says whether it was closed, and whether a call was still running then. */
    static final class Held implements Backend, AutoCloseable {
        private final Backend inner = Backend.scripted().script(i -> "The answer is 42.").build();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean busy;
        volatile boolean closed;
        volatile boolean closedWhileBusy;

        @Override public String name() { return "held"; }

        @Override public Generated generate(GenerationRequest request) {
            busy = true;
            entered.countDown();
            try {
                release.await();
                return inner.generate(request);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                busy = false;
            }
        }

        @Override public Usage worstCase(GenerationRequest request) { return inner.worstCase(request); }

        @Override public void close() {
            closedWhileBusy = busy;
            closed = true;
        }
    }

    @Test
    void close_waits_for_the_solves_in_flight_then_closes_what_the_engine_made_and_not_what_was_passed_in() throws Exception {
        Held made = new Held();
        Held passed = new Held();
        passed.release.countDown();
        Ponder p = Ponder.builder().owned("made", () -> made).backend("passed", passed).build();
        CompletableFuture<Solution> inFlight = p.solveAsync("q", Policy.single().withModel("made"));
        made.entered.await();
        Thread closer = Thread.ofVirtual().start(p::close);
        while (!blocked(closer)) Thread.yield();   // the closer waits (ExecutorService.close waits with a timeout) or has ended
        assertThat(made.closed).as("closed while a solve was still running").isFalse();
        made.release.countDown();
        closer.join();
        assertThat(inFlight.join().answer()).isEqualTo("42");
        assertThat(made.closed).isTrue();
        assertThat(made.closedWhileBusy).isFalse();
        assertThat(passed.closed).as("a backend passed in stays the caller's").isFalse();
    }

    @Test
    void close_waits_for_a_solve_under_way_on_a_callers_thread() throws Exception {
        Held made = new Held();
        Ponder p = Ponder.builder().owned("made", () -> made).build();
        CompletableFuture<Solution> solved = new CompletableFuture<>();
        Thread caller = Thread.ofPlatform().start(() -> solved.complete(p.solve("q")));
        made.entered.await();
        Thread closer = Thread.ofVirtual().start(p::close);
        while (!blocked(closer)) Thread.yield();
        assertThat(made.closed).as("closed while a caller's solve was still running").isFalse();
        made.release.countDown();
        closer.join();
        caller.join();
        assertThat(solved.join().answer()).isEqualTo("42");
        assertThat(made.closed).isTrue();
        assertThat(made.closedWhileBusy).isFalse();
        assertThatThrownBy(() -> p.solve("q")).isInstanceOf(IllegalStateException.class);
    }

    private static boolean blocked(Thread t) {
        return switch (t.getState()) {
            case WAITING, TIMED_WAITING, TERMINATED -> true;
            default -> false;
        };
    }

    @Test
    void a_closed_engine_refuses_new_solves_and_closing_again_does_nothing() {
        Ponder p = Ponder.builder().backend("m", Backend.scripted().script(i -> "The answer is 42.").build()).build();
        assertThat(p.solve("q").answer()).isEqualTo("42");
        p.close();
        p.close();
        assertThatThrownBy(() -> p.solve("q")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> p.solveAsync("q", Policy.single())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.stream("q", Policy.single(), new SolveListener() { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.solveAll(List.of("q"), Policy.single())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_openai_backend_by_config_is_made_when_the_engine_is_built_and_closed_with_it() {
        try (var server = FakeOpenAiServer.start()) {
            Ponder.Builder b = Ponder.builder().openAi("fake-model", OpenAiConfig.builder(server.baseUrl().toString()).build());
            assertThat(server.requestCount()).isZero();
            try (Ponder p = b.build()) {
                assertThat(p.solve("What is 6 x 7?", Policy.vote(2)).answer()).isEqualTo("42");
            }
            try (Ponder again = b.build()) {   // its own client: the first engine's close did not reach it
                assertThat(again.solve("What is 6 x 7?").answer()).isEqualTo("42");
            }
            assertThat(server.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void the_engine_reads_a_snapshot_of_its_builder() {
        Ponder.Builder b = Ponder.builder().backend("m", Backend.scripted().script(i -> "42").build()).defaultPolicy(Policy.vote(3));
        try (Ponder p = b.build()) {
            b.defaultPolicy(Policy.single()).backend("n", Backend.scripted().script(i -> "7").build()).concurrency(1);
            assertThat(p.defaultPolicy()).isEqualTo(Policy.vote(3));
            assertThat(p.models()).containsExactly("m");
            assertThat(p.solve("q").sampleCount()).isEqualTo(3);
        }
    }
}
