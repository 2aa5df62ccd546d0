package dev.ponder.core.backend;

/** A backend that can also deliver its output token by token (server-sent events from an OpenAI-compatible server). */
public interface StreamingBackend extends Backend {

    /**
     * Like {@link #generate}, but hands each delta to {@code listener} as it arrives and returns the finished
     * generations, with usage, once all choices are complete. A stream cut after some output was delivered fails with
     * {@code STREAM_BROKEN} and {@link dev.ponder.core.error.PonderException#outputDelivered()} true (not retried).
     */
    Generated stream(GenerationRequest request, StreamListener listener);

    /**
     * {@code backend} itself when it streams; otherwise a view that generates first and then delivers each
     * generation's reasoning and text as one delta each (replay and scripted backends have nothing finer to give).
     */
    static StreamingBackend from(Backend backend) {
        if (backend instanceof StreamingBackend s) return s;
        return new WholeOutputStreaming(backend);
    }
}
