package dev.ponder.core.backend.openai.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.backend.Delta;
import dev.ponder.core.backend.Delta.Channel;
import dev.ponder.core.backend.StreamListener;
import dev.ponder.core.backend.openai.ThinkTags;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.error.PonderException.Kind;
import dev.ponder.core.model.ToolCall;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds a streamed response from its chunks, handing each piece of text to the listener as it comes. Usage is the
 * last {@code usage} object seen (OpenAI sends it once, in a final chunk with no choices; some vLLM versions repeat
 * a running total on every chunk). A stream that ends before {@code [DONE]} with a choice unfinished was cut.
 */
final class StreamAssembler extends JsonEvents {
    private final Endpoint endpoint;
    private final Optional<ThinkTags> tags;
    private final int offset;
    private final StreamListener listener;
    private final TreeMap<Integer, ChoiceState> choices = new TreeMap<>();
    private Optional<RawResult.Tokens> usage = Optional.empty();

    private final class ChoiceState {
        final StringBuilder content = new StringBuilder();
        final StringBuilder reasoning = new StringBuilder();
        final Optional<ThinkSplitter> splitter = endpoint == Endpoint.CHAT ? tags.map(ThinkSplitter::new) : Optional.empty();
        final TreeMap<Integer, String[]> calls = new TreeMap<>(); // index -> {id, name, arguments so far}
        Optional<String> finish = Optional.empty();

        /** A piece of a call: its id and name when they come (once, in its first piece), its arguments' next text. */
        void call(JsonNode piece) {
            String[] c = calls.computeIfAbsent(piece.path("index").asInt(calls.size()), k -> new String[] {"", "", ""});
            Responses.text(piece.path("id")).ifPresent(id -> c[0] = id);
            JsonNode f = piece.path("function");
            Responses.text(f.path("name")).ifPresent(n -> c[1] = c[1] + n);
            Responses.text(f.path("arguments")).ifPresent(a -> c[2] = c[2] + a);
        }

        List<ToolCall> toolCalls() {
            List<ToolCall> out = new ArrayList<>(calls.size());
            for (String[] c : calls.values()) out.add(new ToolCall(c[0], c[1], c[2]));
            return out;
        }
    }

    public StreamAssembler(Endpoint endpoint, Optional<ThinkTags> tags, int offset, StreamListener listener, String where) {
        super(where, "chunk");
        this.endpoint = endpoint;
        this.tags = tags;
        this.offset = offset;
        this.listener = listener;
    }

    @Override
    protected void event(JsonNode chunk, String data) {
        if (chunk.has("error")) {
            throw fail(Kind.STREAM_BROKEN, "the server reported an error mid-stream: " + UpstreamErrors.message(data.getBytes(StandardCharsets.UTF_8)));
        }
        Responses.usage(chunk.path("usage")).ifPresent(u -> usage = Optional.of(u));
        int position = 0;
        for (JsonNode c : chunk.path("choices")) {
            int index = c.path("index").isInt() ? c.path("index").asInt() : position;
            position++;
            ChoiceState s = choices.computeIfAbsent(index, k -> new ChoiceState());
            if (endpoint == Endpoint.COMPLETIONS) {
                Responses.text(c.path("text")).ifPresent(t -> deliver(index, s, Channel.CONTENT, t));
            } else {
                JsonNode delta = c.path("delta");
                Responses.reasoning(delta).ifPresent(t -> deliver(index, s, Channel.REASONING, t));
                Responses.text(delta.path("content")).ifPresent(t -> content(index, s, t));
                for (JsonNode piece : delta.path("tool_calls")) s.call(piece);
            }
            Responses.text(c.path("finish_reason")).ifPresent(f -> s.finish = Optional.of(f));
        }
    }

    /** The finished response; {@code sawDone} says whether the stream ended with {@code [DONE]}. */
    public RawResult finish(boolean sawDone) {
        for (var e : choices.entrySet()) {
            e.getValue().splitter.ifPresent(sp -> sp.finish().forEach(p -> deliver(e.getKey(), e.getValue(), p.channel(), p.text())));
        }
        boolean allFinished = !choices.isEmpty() && choices.values().stream().allMatch(s -> s.finish.isPresent());
        if (!sawDone && !allFinished) {
            throw fail(Kind.STREAM_BROKEN, "the stream ended after " + count() + " chunks without [DONE]"
                    + (delivered() ? ", with output already delivered" : ""));
        }
        if (choices.isEmpty()) throw fail(Kind.BAD_UPSTREAM_RESPONSE, "the stream carried no choices");
        List<RawResult.Choice> out = new ArrayList<>();
        for (ChoiceState s : choices.values()) {
            out.add(new RawResult.Choice(s.content.toString(), s.reasoning.toString(), s.finish.orElse("unknown"), s.toolCalls()));
        }
        return new RawResult(out, usage);
    }


    private void content(int index, ChoiceState s, String text) {
        if (s.splitter.isEmpty()) {
            deliver(index, s, Channel.CONTENT, text);
            return;
        }
        for (ThinkSplitter.Piece p : s.splitter.get().feed(text)) deliver(index, s, p.channel(), p.text());
    }

    private void deliver(int index, ChoiceState s, Channel channel, String text) {
        if (text.isEmpty()) return;
        (channel == Channel.REASONING ? s.reasoning : s.content).append(text);
        listener.onDelta(new Delta(offset + index, channel, text));
        markDelivered();
    }
}
