package dev.ponder.core.backend.openai;

import static dev.ponder.core.backend.openai.Fixture.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.testing.FakeOpenAiServer;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import org.junit.jupiter.api.Test;

/** The backend's one HTTP client: the configured proxy is used, and closing the backend stops the client. */
class OpenAiTransportTest {
    private final Fixture fx = new Fixture();

    @Test
    void calls_go_through_the_configured_http_proxy() {
        // the fake server stands in for the proxy: it gets the request for a host that does not resolve
        try (var proxy = FakeOpenAiServer.start();
             OpenAiBackend b = OpenAiBackend.create(OpenAiConfig.builder("http://upstream.invalid/v1").model("fake-model")
                     .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.baseUrl().getPort()))).build())) {
            assertThat(b.generate(ask("q", 1)).generations().getFirst().text()).isEqualTo("The answer is 42.");
            assertThat(proxy.requests()).hasSize(1);
            assertThat(proxy.requests().getFirst().headers().get("host")).containsExactly("upstream.invalid");
        }
    }

    @Test
    void a_closed_backend_makes_no_more_calls_and_says_so_without_retrying() {
        try (var server = FakeOpenAiServer.start()) {
            OpenAiBackend b = fx.backend(server);
            b.generate(ask("q", 1));
            b.close();
            PonderException e = catchThrowableOfType(PonderException.class, () -> b.generate(ask("q", 1)));
            assertThat(e.kind()).isEqualTo(PonderException.Kind.INTERNAL);
            assertThat(e.getMessage()).contains("closed");
            assertThat(fx.sleeps).isEmpty();
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }
}
