package dev.ponder.core.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.model.Message;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingBackendTest {
    @Test
    void a_non_streaming_backend_streams_each_generation_as_one_delta() {
        StreamingBackend s = StreamingBackend.from(Backend.scripted().texts("first", "second").build());
        List<Delta> deltas = new ArrayList<>();
        List<Generation> g = s.stream(GenerationRequest.of("m", List.of(Message.user("q")), 2), deltas::add).generations();

        assertThat(g).extracting(Generation::text).containsExactly("first", "second");
        assertThat(deltas).containsExactly(new Delta(0, Delta.Channel.CONTENT, "first"), new Delta(1, Delta.Channel.CONTENT, "second"));
        assertThat(StreamingBackend.from(s)).isSameAs(s);
    }
}
