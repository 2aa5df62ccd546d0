package dev.ponder.lab.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The JSON of each written line. Chat fine-tuning: {@code {"messages": [system?, user, assistant]}}, the format of
 * OpenAI's fine-tuning API and of TRL's conversational language-modelling datasets. Preference: TRL's conversational
 * preference format, {@code {"prompt": [system?, user], "chosen": [assistant], "rejected": [assistant]}}. The user
 * message is the problem's question as the run asked it; the assistant message is the sample's text as recorded.
 */
final class Lines {
    static final ObjectMapper JSON = new ObjectMapper();

    private Lines() {}

    static ObjectNode chat(Example e, Optional<String> system) {
        ObjectNode line = JSON.createObjectNode();
        ArrayNode messages = prompt(line.putArray("messages"), e, system);
        message(messages, "assistant", e.draw().text());
        return line;
    }

    static ObjectNode preference(Pair p, Optional<String> system) {
        ObjectNode line = JSON.createObjectNode();
        prompt(line.putArray("prompt"), p.chosen(), system);
        message(line.putArray("chosen"), "assistant", p.chosen().draw().text());
        message(line.putArray("rejected"), "assistant", p.rejected().draw().text());
        return line;
    }

    /** Provenance of a chat line: every key on every line, so that dataset loaders infer one schema. */
    static ObjectNode meta(Example e, String accept) {
        ObjectNode m = JSON.createObjectNode();
        m.put("run", e.origin().run()).put("source", e.origin().source()).put("problem", e.problem().id());
        sample(m, e);
        return m.put("accept", accept);
    }

    static ObjectNode meta(Pair p, String accept) {
        ObjectNode m = JSON.createObjectNode();
        m.put("run", p.chosen().origin().run()).put("source", p.chosen().origin().source()).put("problem", p.chosen().problem().id());
        sample(m.putObject("chosen"), p.chosen());
        sample(m.putObject("rejected"), p.rejected());
        return m.put("accept", accept);
    }

    /** A frontier problem, in the plain problem-set format ({@code ponder run --problems} reads it) with its tally. */
    static ObjectNode frontier(ProblemYield p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", p.problem().id()).put("question", p.problem().question()).put("reference", p.problem().reference());
        return n.put("source", p.source()).put("samples", p.samples()).put("judged", p.judged());
    }

    private static void sample(ObjectNode m, Example e) {
        m.put("config", e.origin().config()).put("strategy", e.origin().strategy()).put("model", e.origin().model())
                .put("sample", e.draw().index()).put("answer", e.draw().answer());
    }

    private static ArrayNode prompt(ArrayNode messages, Example e, Optional<String> system) {
        system.ifPresent(s -> message(messages, "system", s));
        return message(messages, "user", e.problem().question());
    }

    private static ArrayNode message(ArrayNode messages, String role, String content) {
        messages.addObject().put("role", role).put("content", content);
        return messages;
    }
}
