package dev.ponder.server.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.PriceCatalogue;
import dev.ponder.core.model.Message;
import dev.ponder.server.config.UpstreamConfig;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UpstreamsTest {
    static UpstreamConfig serving(String name, String... models) {
        return new UpstreamConfig(name, URI.create("http://127.0.0.1:9/v1"), Optional.empty(),
                Arrays.stream(models).collect(Collectors.toMap(m -> m, m -> m)), 0, Duration.ofMillis(1), Duration.ofSeconds(5), "exact");
    }

    /** The JDK HTTP clients alive now, by their selector threads (one per client). */
    static Set<Thread> clients() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
                .collect(Collectors.toSet());
    }

    @Test
    void an_upstream_serving_several_models_opens_one_client_for_them_all() {
        Set<Thread> before = clients();
        try (Upstreams u = Upstreams.open(List.of(serving("a", "m1", "m2", "m3"), serving("b", "m1")), PriceCatalogue.shipped(),
                Duration.ofSeconds(30), InstantSource.system())) {
            Set<Thread> opened = clients();
            opened.removeAll(before);
            assertThat(opened).as("one client per configured upstream, not per upstream and model").hasSize(2);
            assertThat(u.pools()).containsOnlyKeys("m1", "m2", "m3");
            assertThat(u.pools().get("m1").name()).isEqualTo("upstreams:[a, b]");
            assertThat(u.answer("m2")).isEqualTo("exact");
        }
    }

    @Test
    void closing_them_closes_every_model_s_client() {
        Upstreams u = Upstreams.open(List.of(serving("a", "m1", "m2")), PriceCatalogue.shipped(), Duration.ofSeconds(30), InstantSource.system());
        var pools = Map.copyOf(u.pools());
        u.close();
        for (String m : List.of("m1", "m2")) {
            assertThatThrownBy(() -> pools.get(m).generate(GenerationRequest.of(m, List.of(Message.user("hi")), 1)))
                    .hasMessageContaining("the backend is closed");
        }
    }
}
