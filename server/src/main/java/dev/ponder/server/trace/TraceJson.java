package dev.ponder.server.trace;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import dev.ponder.core.trace.Call;
import dev.ponder.core.trace.Trace;
import java.util.List;
import java.util.Optional;

/** A request's trace as JSON: every internal call (tokens, dollars, latency, attempts, error) and every sample's verdict. */
public final class TraceJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TraceJson() {}

    /** One run: its trace and the samples it drew, with the answer chosen and why it stopped. */
    public record Run(Trace trace, List<Sample> samples, String answer, String stop, Optional<String> error) {}

    public static ObjectNode of(String id, String model, String strategy, String key, long created, long elapsedMillis, int status,
                                List<Run> runs) {
        ObjectNode root = F.objectNode();
        root.put("id", id).put("object", "ponder.trace").put("model", model).put("strategy", strategy).put("key", key)
                .put("created", created).put("elapsed_ms", elapsedMillis).put("status", status);
        Usage total = Usage.ZERO;
        ArrayNode rs = root.putArray("runs");
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            total = total.plus(r.trace().total());
            ObjectNode x = rs.addObject();
            x.put("run", i).put("answer", r.answer()).put("stop", r.stop());
            r.error().ifPresent(e -> x.put("error", e));
            ArrayNode calls = x.putArray("calls");
            for (Call c : r.trace().calls()) calls.add(call(c));
            ArrayNode samples = x.putArray("samples");
            for (Sample s : r.samples()) samples.add(sample(s));
        }
        root.set("usage", usage(total));
        return root;
    }

    private static ObjectNode call(Call c) {
        ObjectNode n = F.objectNode();
        n.put("seq", c.seq()).put("purpose", c.purpose()).put("backend", c.backend()).put("model", c.model()).put("samples", c.samples())
                .put("started_at", c.startedAt().toString()).put("latency_ms", c.usage().latency().toMillis()).put("attempts", c.attempts());
        n.setAll(usage(c.usage()));
        ArrayNode v = n.putArray("verdicts");
        c.verdicts().forEach(v::add);
        c.error().ifPresent(e -> n.put("error", e));
        return n;
    }

    private static ObjectNode sample(Sample s) {
        ObjectNode n = F.objectNode();
        n.put("index", s.index()).put("answer", s.answer()).put("output_tokens", s.usage().outputTokens()).put("dollars", s.usage().dollars());
        s.score().ifPresent(x -> n.put("score", x));
        n.put("verdict", s.recordedCorrect().map(c -> c ? "recorded correct" : "recorded wrong").orElse("none"));
        n.put("text_preview", s.text().length() > 160 ? s.text().substring(0, 160) + "..." : s.text());
        return n;
    }

    private static ObjectNode usage(Usage u) {
        ObjectNode n = F.objectNode();
        n.put("input_tokens", u.inputTokens()).put("output_tokens", u.outputTokens()).put("reasoning_tokens", u.reasoningTokens())
                .put("dollars", u.dollars());
        return n;
    }
}
