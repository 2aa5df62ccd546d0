package dev.ponder.server.upstream;

import dev.ponder.core.backend.openai.OpenAiBackend;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/** Builds the pool of upstreams behind one served model. */
public final class Upstreams {
    private Upstreams() {}

    /** One upstream server for a model. */
    public record Member(String name, OpenAiBackend backend) {}

    /** Tries {@code members} in order with fallback; a failing one cools down for {@code cooldown}. */
    public static UpstreamPool pool(String model, List<Member> members, Duration cooldown, InstantSource clock) {
        return new UpstreamPool(model, members, cooldown, clock);
    }
}
