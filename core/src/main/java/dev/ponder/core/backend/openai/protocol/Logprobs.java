package dev.ponder.core.backend.openai.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.confidence.Confidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a choice's token log-probabilities, as OpenAI-compatible servers return them when asked ({@code logprobs: true,
 * top_logprobs: K} on chat, {@code logprobs: K} on completions), into DeepConf's measures ({@link Confidence}). Chat:
 * {@code logprobs.content[i].logprob} and {@code .top_logprobs[j].logprob}; completions: {@code logprobs.token_logprobs[i]}
 * and {@code logprobs.top_logprobs[i]} (a map of token to log-probability). Absent, empty or malformed: no measure.
 */
final class Logprobs {
    private Logprobs() { }

    static Optional<Confidence> of(JsonNode choice, Endpoint endpoint) {
        JsonNode lp = choice.path("logprobs");
        if (!lp.isObject()) return Optional.empty();
        List<Confidence.Token> tokens = new ArrayList<>();
        try {
            if (endpoint == Endpoint.CHAT) {
                for (JsonNode t : lp.path("content")) {
                    if (!t.path("logprob").isNumber()) return Optional.empty();
                    List<Double> top = new ArrayList<>();
                    for (JsonNode x : t.path("top_logprobs")) if (x.path("logprob").isNumber()) top.add(x.path("logprob").asDouble());
                    tokens.add(new Confidence.Token(t.path("logprob").asDouble(), top));
                }
            } else {
                JsonNode own = lp.path("token_logprobs");
                JsonNode tops = lp.path("top_logprobs");
                for (int i = 0; i < own.size(); i++) {
                    if (!own.get(i).isNumber()) continue; // the first token of an echoed prompt has none
                    List<Double> top = new ArrayList<>();
                    tops.path(i).properties().forEach(e -> { if (e.getValue().isNumber()) top.add(e.getValue().asDouble()); });
                    tokens.add(new Confidence.Token(own.get(i).asDouble(), top));
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a positive log-probability: not something to weigh a vote by
        }
        return tokens.isEmpty() ? Optional.empty() : Optional.of(Confidence.of(tokens, Confidence.WINDOW));
    }
}
