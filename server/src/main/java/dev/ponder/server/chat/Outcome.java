package dev.ponder.server.chat;

import dev.ponder.core.model.ToolCall;
import dev.ponder.core.model.Usage;
import dev.ponder.server.route.Routed;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished chat completion: the choices, usage summed over every internal call of every run, and what Ponder did
 * (strategy, samples drawn, trace id, and for {@code auto} the router's choice) for the {@code ponder} extension field.
 */
public record Outcome(String traceId, String model, String strategy, long created, List<Choice> choices, Usage usage,
                      int samples, int calls, List<Run> runs, Optional<Routed> route) {

    /** One choice of the response: its text, reasoning, the tool calls it makes (then its finish reason is {@code tool_calls}). */
    public record Choice(int index, String text, String reasoning, String finishReason, List<ToolCall> toolCalls) {
        public Choice {
            toolCalls = List.copyOf(toolCalls);
        }

        /** A choice of text, finished as {@code stop}, or as {@code tool_calls} when it makes {@code calls}. */
        public static Choice of(int index, String text, String reasoning, List<ToolCall> calls) {
            return new Choice(index, text, reasoning, calls.isEmpty() ? "stop" : "tool_calls", calls);
        }
    }

    /**
     * One strategy run (one per choice, or one for {@code single} with n samples); {@code think} says how a
     * {@code think@T} chain ran.
     */
    public record Run(String answer, double confidence, int samples, String stop, Optional<String> error, Optional<Thinking> think) {
        public Run(String answer, double confidence, int samples, String stop, Optional<String> error) {
            this(answer, confidence, samples, stop, error, Optional.empty());
        }
    }

    /** How a budget-forced chain ran: its route (completions, chat-follow-up...), the thinking tokens it spent and its Waits. */
    public record Thinking(String route, long thinkingTokens, int waits) {}

    /** The same outcome with {@code more} usage and calls (a judge checker's, made outside the runs). */
    public Outcome plus(Usage more, int moreCalls) {
        return new Outcome(traceId, model, strategy, created, choices, usage.plus(more), samples, calls + moreCalls, runs, route);
    }

    public Outcome {
        Objects.requireNonNull(traceId, "traceId");
        choices = List.copyOf(choices);
        runs = List.copyOf(runs);
        Objects.requireNonNull(route, "route");
    }
}
