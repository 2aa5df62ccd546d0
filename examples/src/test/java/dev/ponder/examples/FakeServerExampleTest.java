package dev.ponder.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.backend.Backend;
import dev.ponder.core.backend.Generated;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.openai.OpenAiConfig;
import dev.ponder.core.model.Message;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.core.testing.FakeOutput;
import dev.ponder.core.testing.FakeReply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Testing against the fake server, as docs/openai-backend.md shows it: a scripted reply per request, no sleeps. */
class FakeServerExampleTest {
    @Test
    void a_rate_limit_and_a_server_error_are_retried_then_the_reply_arrives() {
        Generated got;
        int requests;
        // snippet: fake
        try (var server = FakeOpenAiServer.start(r -> FakeReply.each(r, i -> FakeOutput.thinking("hmm", "answer " + i)))) {
            server.sequence(r -> FakeReply.texts("ok"), FakeReply.rateLimited("2"), FakeReply.serverError());
            Backend b = Backend.openAi(OpenAiConfig.builder(server.baseUrl()).model("m").sleeper(d -> { }).build());
            got = b.generate(GenerationRequest.of("m", List.of(Message.user("hi")), 1));
            requests = server.requests().size();   // every request received: path, headers, JSON body
        }
        // end: fake
        assertThat(got.generations().getFirst().text()).isEqualTo("ok");
        assertThat(got.attempts()).as("a 500 and a 429 retried, then the reply").isEqualTo(3);
        assertThat(requests).isEqualTo(3);
    }
}
