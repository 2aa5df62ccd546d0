package dev.ponder.core.backend;

import dev.ponder.core.model.Usage;
import java.util.List;
import java.util.OptionalInt;

/** A non-streaming backend seen as a streaming one: each generation arrives as one delta per part, after the call. */
record WholeOutputStreaming(Backend backend) implements StreamingBackend {

    @Override
    public String name() { return backend.name(); }

    @Override
    public String nameFor(String model) { return backend.nameFor(model); }

    @Override
    public Generated generate(GenerationRequest request) { return backend.generate(request); }

    @Override
    public Generated stream(GenerationRequest request, StreamListener listener) {
        Generated got = backend.generate(request);
        List<Generation> gens = got.generations();
        for (int i = 0; i < gens.size(); i++) {
            Generation g = gens.get(i);
            if (!g.reasoning().isEmpty()) listener.onDelta(new Delta(i, Delta.Channel.REASONING, g.reasoning()));
            if (!g.text().isEmpty()) listener.onDelta(new Delta(i, Delta.Channel.CONTENT, g.text()));
        }
        return got;
    }

    @Override
    public Usage worstCase(GenerationRequest request) { return backend.worstCase(request); }

    @Override
    public OptionalInt remaining(GenerationRequest request) { return backend.remaining(request); }
}
