package dev.ponder.core.strategy;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.trace.Trace;
import java.util.Locale;
import java.util.Optional;

/**
 * How a budget-forced chain reaches the model. {@code COMPLETIONS} continues a raw prompt (the natural fit: the
 * strategy writes the delimiters itself); {@code CHAT_PREFIX} continues a partial assistant message (vLLM's
 * {@code continue_final_message}); {@code CHAT_FOLLOW_UP} works on any chat server by asking again in a new user turn,
 * so it can extend and end thinking only between turns. {@code PROVIDER} leaves the budget to the server: one chat call
 * with {@code thinking: {type: enabled, budget_tokens: T}} and a cap of T + 512 tokens, for hosted reasoning models
 * that take neither prefill nor completions. {@code AUTO} is provider for a backend that budgets thinking itself
 * (Anthropic), else completions when the backend has them, else follow-up turns.
 */
public enum ThinkRoute {
    AUTO, COMPLETIONS, CHAT_PREFIX, CHAT_FOLLOW_UP, PROVIDER;

    /** How the note a chain leaves on its last call begins: the route, then notes of the thinking tokens and waits. */
    public static final String NOTE = "think route: ";

    /** As written in configs and notes: {@code completions}, {@code chat-follow-up}... */
    public String label() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** The route a chain in this trace took, from its note; empty when no chain ran. */
    public static Optional<String> ranIn(Trace trace) {
        return trace.calls().stream().flatMap(c -> c.verdicts().stream()).filter(v -> v.startsWith(NOTE))
                .map(v -> v.substring(NOTE.length())).reduce((a, b) -> b);
    }

    public static ThinkRoute parse(String s) {
        for (ThinkRoute r : values()) if (r.name().replace('_', '-').equalsIgnoreCase(s.strip())) return r;
        throw PonderException.invalid("unknown think route \"%s\"; known: auto, completions, chat-prefix, chat-follow-up, provider", s);
    }
}
