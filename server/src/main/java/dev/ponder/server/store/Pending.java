package dev.ponder.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.Sample;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.api.Completions;
import dev.ponder.server.chat.Outcome;
import dev.ponder.server.chat.Settled;
import dev.ponder.server.trace.TraceJson;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request with {@code store: true} on its way: what it asked (kept from the start), what settlement booked (samples,
 * usage, status), and the answer as it went out (a whole outcome, a body passed through, or a passed-through stream's
 * text gathered chunk by chunk). {@link #toJson} is the stored completion.
 */
final class Pending {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final String traceId;
    private final String key;
    private final ChatRequest request;
    private Settled settled;
    private Outcome outcome;
    private JsonNode body;
    private final Map<Integer, StringBuilder> streamed = new TreeMap<>();
    private boolean failed;

    Pending(String traceId, String key, ChatRequest request) {
        this.traceId = traceId;
        this.key = key;
        this.request = request;
    }

    String traceId() { return traceId; }

    String key() { return key; }

    synchronized void settled(Settled s) { settled = s; }

    synchronized void finished(Outcome o) { outcome = o; }

    synchronized void body(JsonNode b) { body = b; }

    synchronized void chunk(JsonNode chunk) {
        for (JsonNode c : chunk.path("choices")) {
            JsonNode text = c.path("delta").path("content").isTextual() ? c.path("delta").path("content") : c.path("text");
            if (text.isTextual()) streamed.computeIfAbsent(c.path("index").asInt(0), i -> new StringBuilder()).append(text.asText());
        }
    }

    synchronized void failed() { failed = true; }

    /** Whether the request was answered and accounted (only those are stored, as OpenAI stores completions). */
    synchronized boolean complete() { return !failed && settled != null && settled.status() == 200; }

    synchronized ObjectNode toJson() {
        ObjectNode n = F.objectNode().put("id", "chatcmpl-" + traceId).put("object", "chat.completion").put("created", settled.created())
                .put("model", request.model()).put("key", key);
        ObjectNode meta = n.putObject("metadata");
        request.storing().metadata().forEach(meta::put);
        ObjectNode asked = n.putObject("request");
        ArrayNode messages = asked.putArray("messages");
        for (Message m : request.messages()) messages.addObject().put("role", m.role()).put("content", m.content());
        if (!request.checking().reference().isEmpty()) asked.put("reference", request.checking().reference());
        n.set("choices", choices());
        n.set("usage", Completions.usage(settled.used()));
        ObjectNode p = n.putObject("ponder");
        p.put("strategy", settled.target().strategy().name()).put("served_model", settled.target().model().id()).put("trace_id", traceId)
                .put("dollars", settled.used().dollars()).put("answer", answer());
        ArrayNode samples = p.putArray("samples");
        for (TraceJson.Run r : settled.runs()) {
            for (Sample s : r.samples()) {
                ObjectNode x = samples.addObject().put("index", samples.size()).put("text", s.text()).put("answer", s.answer())
                        .put("output_tokens", s.usage().outputTokens()).put("input_tokens", s.usage().inputTokens()).put("dollars", s.usage().dollars());
                s.recordedCorrect().ifPresent(c -> x.put("verdict", c));
            }
        }
        return n;
    }

    private ArrayNode choices() {
        ArrayNode out = F.arrayNode();
        if (outcome != null) {
            for (Outcome.Choice c : outcome.choices()) out.add(choice(c.index(), c.text(), c.finishReason()));
        } else if (body != null) {
            for (JsonNode c : body.path("choices")) {
                JsonNode text = c.path("message").path("content").isTextual() ? c.path("message").path("content") : c.path("text");
                out.add(choice(c.path("index").asInt(out.size()), text.asText(""), c.path("finish_reason").asText("stop")));
            }
        } else {
            streamed.forEach((i, t) -> out.add(choice(i, t.toString(), "stop")));
        }
        return out;
    }

    private static ObjectNode choice(int index, String text, String finish) {
        ObjectNode c = F.objectNode().put("index", index);
        c.putObject("message").put("role", "assistant").put("content", text);
        return c.put("finish_reason", finish);
    }

    /** The answer the request settled on: its first run's, else the first choice's text. */
    private String answer() {
        if (outcome != null && !outcome.runs().isEmpty()) return outcome.runs().getFirst().answer();
        if (!settled.runs().isEmpty() && !settled.runs().getFirst().answer().isEmpty()) return settled.runs().getFirst().answer();
        ArrayNode cs = choices();
        return cs.isEmpty() ? "" : cs.get(0).path("message").path("content").asText("");
    }
}
