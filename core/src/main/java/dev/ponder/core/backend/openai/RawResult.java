package dev.ponder.core.backend.openai;

import java.util.List;
import java.util.Optional;

/** One upstream response before accounting: its choices in index order and the usage it reported, if any. */
record RawResult(List<Choice> choices, Optional<Tokens> usage) {
    record Choice(String content, String reasoning, String finishReason) { }

    /** Token counts as reported; reasoning is part of completion. */
    record Tokens(long prompt, long completion, long reasoning) { }

    RawResult {
        choices = List.copyOf(choices);
    }
}
