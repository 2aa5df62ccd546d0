package dev.ponder.lab.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.model.Budget;
import dev.ponder.core.model.Message;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveEndpointTest {
    @Test
    void openai_without_a_key_is_refused_and_other_servers_need_none() {
        LiveEndpoint openAi = new LiveEndpoint(LiveEndpoint.OPENAI, "OPENAI_API_KEY", 3);
        assertThat(openAi.missingKey(Map.of())).hasValueSatisfying(m -> assertThat(m).contains("OPENAI_API_KEY is not set"));
        assertThat(openAi.missingKey(Map.of("OPENAI_API_KEY", " "))).isPresent();
        assertThat(openAi.missingKey(Map.of("OPENAI_API_KEY", "sk-x"))).isEmpty();
        assertThat(new LiveEndpoint("http://localhost:8000/v1", "OPENAI_API_KEY", 3).missingKey(Map.of())).isEmpty();
    }

    @Test
    void bad_urls_and_retries_are_refused() {
        assertThatThrownBy(() -> new LiveEndpoint("ftp://x", "K", 3)).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> new LiveEndpoint("http://", "K", 3)).hasMessageContaining("is not a URL");
        assertThatThrownBy(() -> new LiveEndpoint("http://x/v1", "K", -1)).hasMessageContaining("retries must be in [0, 20]");
    }

    @Test
    void a_budget_below_one_call_is_refused_with_the_figure_it_needs() {
        try (LiveClients clients = new LiveClients()) {
            budgetBelowOneCall(clients.open(new LiveEndpoint("http://127.0.0.1:9/v1", "K", 0), "gpt-4o-mini", PriceCatalogue.shipped(), 1, true));
        }
    }

    private static void budgetBelowOneCall(Backend b) {
        GenerationRequest r = GenerationRequest.of("gpt-4o-mini", List.of(Message.user("What is 6 x 7?")), 1);
        assertThat(Preflight.oneCall(Budget.dollars(0.001), b, r)).hasValueSatisfying(m -> assertThat(m)
                .startsWith("a dollar budget of $0.001000 per problem cannot cover one call: a call to gpt-4o-mini reserves up to $0.00246")
                .contains("(4096 output tokens at most + about "));
        assertThat(Preflight.oneCall(Budget.dollars(0.001), b, r.withMaxTokens(512))).isEmpty();
        assertThat(Preflight.oneCall(Budget.UNLIMITED.withTokens(100), b, r.withMaxTokens(512))).isPresent();
        assertThat(Preflight.oneCall(Budget.UNLIMITED, b, r)).isEqualTo(Optional.empty());
    }
}
