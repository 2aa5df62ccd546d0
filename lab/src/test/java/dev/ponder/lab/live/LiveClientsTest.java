package dev.ponder.lab.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.CompletionBackend;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Message;
import dev.ponder.core.testing.FakeOpenAiServer;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveClientsTest {
    private static final GenerationRequest ASK = GenerationRequest.of("m", List.of(Message.user("What is 6 x 7?")), 1);

    @Test
    void a_backend_without_completions_is_chat_only() {
        LiveEndpoint local = new LiveEndpoint("http://127.0.0.1:9/v1", "K", 0);
        try (LiveClients clients = new LiveClients()) {
            assertThat(clients.open(local, "m", PriceCatalogue.shipped(), 1, true)).isInstanceOf(CompletionBackend.class);
            assertThat(clients.open(local, "m", PriceCatalogue.shipped(), 1, false)).isNotInstanceOf(CompletionBackend.class);
        }
    }

    @Test
    void closing_closes_every_client_opened_chat_only_or_not() {
        try (var server = FakeOpenAiServer.start()) {
            LiveEndpoint endpoint = new LiveEndpoint(server.baseUrl().toString(), "K", 0);
            LiveClients clients = new LiveClients();
            List<Backend> opened = List.of(clients.open(endpoint, "m", PriceCatalogue.shipped(), 1, true),
                    clients.open(endpoint, "m", PriceCatalogue.shipped(), 1, false));
            for (Backend b : opened) assertThat(b.generate(ASK).generations().getFirst().text()).isEqualTo("The answer is 42.");
            clients.close();
            for (Backend b : opened) {
                PonderException e = catchThrowableOfType(PonderException.class, () -> b.generate(ASK));
                assertThat(e.getMessage()).contains("closed");
            }
            assertThat(server.requestCount()).isEqualTo(2);
        }
    }
}
