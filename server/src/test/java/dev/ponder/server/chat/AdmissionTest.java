package dev.ponder.server.chat;

import static dev.ponder.server.chat.PipelineFixture.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.budget.Spending;
import dev.ponder.server.config.KeyConfig;
import dev.ponder.server.config.Period;
import dev.ponder.server.ledger.Ledger;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdmissionTest {
    final PipelineFixture f = new PipelineFixture();
    final Ledger ledger = Ledger.memory();
    final Admission admission = new Admission(f.catalog, new RateLimits(PipelineFixture.CLOCK), new Spending(ledger, PipelineFixture.CLOCK));

    @AfterEach
    void close() { f.close(); }

    Decision admit(Caller caller, ChatRequest r) { return admission.admit(new Arrival(caller, r, "t1", 0)); }

    Decision admit(ChatRequest r) { return admit(Caller.ANONYMOUS, r); }

    static final String TOOLS = ", \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"f\", \"parameters\": {}}}]";

    @Test
    void how_a_request_runs_follows_from_its_target() {
        assertThat(admit(chat("up", "hi", ""))).isInstanceOf(Decision.Relay.class);
        assertThat(admit(chat("up", "hi", ", \"stream\": true"))).as("the engine relays tokens live").isInstanceOf(Decision.Engine.class);
        assertThat(admit(chat("up", "hi", ", \"n\": 2"))).isInstanceOf(Decision.Engine.class);
        assertThat(admit(chat("up", "hi", TOOLS))).isInstanceOf(Decision.Relay.class);
        assertThat(admit(chat("up", "hi", TOOLS + ", \"stream\": true"))).isInstanceOf(Decision.StreamRelay.class);
        var vote = (Decision.Engine) admit(chat("vote@3:replay:math-qwen25-rm8", f.question(), ", \"n\": 2"));
        assertThat(vote.runs()).isEqualTo(2);
        assertThat(vote.perRun()).isEqualTo(3);
        var single = (Decision.Engine) admit(chat("replay:math-qwen25-rm8", f.question(), ", \"n\": 2"));
        assertThat(single.runs()).as("single draws n samples in one run").isEqualTo(1);
        assertThat(single.perRun()).isEqualTo(2);
    }

    @Test
    void a_refusal_is_a_decision_naming_its_status_and_strategy() {
        var unknown = (Decision.Refused) admit(chat("nope", "hi", ""));
        assertThat(unknown.error().status()).isEqualTo(404);
        assertThat(unknown.strategy()).isEqualTo("unknown");
        assertThat(unknown.reserved()).isEmpty();
        assertThat(admit(chat("vote@3:up", "hi", TOOLS))).as("a strategy votes over tool calls").isInstanceOf(Decision.Engine.class);
        var legacy = (Decision.Refused) admit(chat("vote@3:up", "hi", ", \"functions\": [{\"name\": \"f\"}]"));
        assertThat(legacy.error().status()).isEqualTo(400);
        assertThat(legacy.error().param()).contains("functions");
        assertThat(legacy.strategy()).isEqualTo("vote@3");
    }

    @Test
    void a_relay_the_budget_cannot_cover_whole_is_refused_after_its_reservation() {
        // a sample costs about $0.1 (100 tokens out at $1000 per million): the budget covers one of the two asked for
        KeyConfig k = new KeyConfig("k", KeyConfig.hash("s"), Optional.of(new KeyConfig.DollarBudget(0.15, Period.DAY)), OptionalInt.empty(),
                OptionalLong.empty(), Set.of());
        Caller caller = new Caller("k", Optional.of(k));
        var refused = (Decision.Refused) admit(caller, chat("up", "hi", TOOLS + ", \"n\": 2, \"max_tokens\": 100"));
        assertThat(refused.error().status()).isEqualTo(429);
        assertThat(refused.error().message()).contains("whole worst case");
        assertThat(refused.reserved()).containsInstanceOf(Decision.Relay.class);
        String bucket = Period.DAY.bucket(PipelineFixture.CLOCK.instant());
        assertThat(ledger.spend("k", bucket).held()).isPositive();
    }

    @Test
    void admitting_may_block_for_the_router_and_for_a_ledger_kept_on_disk() {
        assertThat(admission.mayBlock(chat("auto", "hi", ""))).isTrue();
        assertThat(admission.mayBlock(chat("up", "hi", ""))).isFalse();
    }
}
