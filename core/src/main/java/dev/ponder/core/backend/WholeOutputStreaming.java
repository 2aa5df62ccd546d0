package dev.ponder.core.backend;

import java.util.List;

/** A non-streaming backend seen as a streaming one: each generation arrives as one delta per part, after the call. */
record WholeOutputStreaming(Backend delegate) implements StreamingBackend, ForwardingBackend {

    @Override
    public Generated generate(GenerationRequest request) { return delegate.generate(request); }

    @Override
    public Generated stream(GenerationRequest request, StreamListener listener) {
        Generated got = delegate.generate(request);
        List<Generation> gens = got.generations();
        for (int i = 0; i < gens.size(); i++) {
            Generation g = gens.get(i);
            if (!g.reasoning().isEmpty()) listener.onDelta(new Delta(i, Delta.Channel.REASONING, g.reasoning()));
            if (!g.text().isEmpty()) listener.onDelta(new Delta(i, Delta.Channel.CONTENT, g.text()));
        }
        return got;
    }
}
