package dev.ponder.server.chat;

import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.model.Usage;
import dev.ponder.core.trace.Trace;
import dev.ponder.server.catalog.UpstreamModel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stream an upstream cut after some of its output reached the client: the upstream generated (and bills) those
 * tokens, but never sent the usage chunk that would count them. So the proxy books an estimate, four characters a
 * token (as for an upstream that sends no usage), at the dearest of the model's upstreams, rather than nothing.
 */
final class CutStreams {
    private CutStreams() {}

    /** Records in {@code trace} a call costing the estimate for {@code delivered} characters of output; nothing when none reached the client. */
    static void book(Trace trace, UpstreamModel model, GenerationRequest base, long delivered, Instant at) {
        if (delivered <= 0) return;
        int tokens = (int) Math.min(Integer.MAX_VALUE, (delivered + 3) / 4);
        Usage estimate = model.pool().worstCase(new GenerationRequest(base.model(), base.messages(), 1, Optional.of(tokens), base.problemId(),
                base.extra()));
        trace.record("stream-cut", model.pool().name(), model.id(), 0, estimate, at, 1, List.of(), Optional.of("STREAM_BROKEN: " + delivered
                + " characters reached the client before the upstream cut the stream; their tokens are estimated, 4 characters a token"));
    }
}
