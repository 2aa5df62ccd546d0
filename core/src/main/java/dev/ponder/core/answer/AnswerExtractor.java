package dev.ponder.core.answer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a model's text into a canonical answer string (empty when no answer is found). Canonical means two
 * answers that mean the same compare equal as strings, so voting can count them.
 */
public interface AnswerExtractor {

    String extract(String text);

    /**
     * The cue a budget-forced chain appends before the answer ({@code Final Answer:}, as in s1). The answer written
     * after it is bare ("42", "C", an expression), which most extractors would not find on its own.
     */
    String CUE = "Final Answer: ";

    /**
     * The answer of a text written after the forced {@link #CUE}: read on its own first (a code block, a boxed or bare
     * number), else as if the cue were written before it, so every extractor finds "Final Answer: 42".
     */
    default String extractAfterCue(String text) {
        String own = extract(text);
        return own.isEmpty() ? extract(CUE + text.strip()) : own;
    }

    /** The extractor's name as {@link #forName} takes it. */
    String label();

    /** Short strings after "the answer is" (or the last line), case-folded, quotes and trailing periods removed. */
    static AnswerExtractor exact() { return PhraseExtractor.INSTANCE; }

    /** A final number: GSM8K's {@code #### 42}, "the answer is $1,234.50", else the last number in the text. */
    static AnswerExtractor number() { return NumberExtractor.INSTANCE; }

    /** The content of the last {@code \boxed{...}} (nested braces), else "the answer is ...". */
    static AnswerExtractor boxed() { return BoxedExtractor.INSTANCE; }

    /** A multiple-choice letter A-J: "(B)", "answer: C", "The answer is D". */
    static AnswerExtractor choice() { return ChoiceExtractor.INSTANCE; }

    /** The last fenced code block (preferring one tagged with a language), else the whole text. */
    static AnswerExtractor codeBlock() { return CodeBlockExtractor.INSTANCE; }

    /**
     * Free-form answers grouped by meaning: texts whose embeddings have cosine similarity of at least
     * {@code threshold} with a group's first member join that group; the reply is the largest group's medoid
     * ({@link Grouping}). The threshold belongs to the embedding model: {@code dev.ponder.lab.semantic.MiniLm}
     * gives the in-process MiniLM model with the threshold chosen for it.
     */
    static Grouping semantic(Embedder embedder, double threshold) { return new SemanticGroups(embedder, threshold); }

    /**
     * Universal self-consistency (Chen et al. 2023): after drawing, one more call shows the model every response and
     * asks for the most consistent one; that call is budgeted and traced like any other. On a replayed bank, where no
     * judge can be asked, the vote falls back to counting identical replies.
     */
    static Grouping usc() { return ConsensusJudge.INSTANCE; }

    /** The names {@link #forName} knows; {@code semantic} needs an embedding model ({@link #forName(String, Optional)}). */
    List<String> NAMES = List.of("exact", "number", "boxed", "choice", "code", "semantic", "usc");

    static AnswerExtractor forName(String name) { return forName(name, Optional.empty()); }

    /** As {@link #forName(String)}, with the grouping that {@code semantic} stands for when one is configured. */
    static AnswerExtractor forName(String name, Optional<Grouping> semantic) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "exact" -> exact();
            case "number" -> number();
            case "boxed", "latex", "math" -> boxed();
            case "choice" -> choice();
            case "code" -> codeBlock();
            case "usc" -> usc();
            case "semantic" -> semantic.orElseThrow(() -> new IllegalArgumentException(
                    "answer kind \"semantic\" needs an embedding model, and none is configured here (in a library:"
                            + " Ponder.builder().semantic(AnswerExtractor.semantic(embedder, threshold)), e.g. MiniLm.grouping()"
                            + " from ponder-lab)"));
            default -> throw new IllegalArgumentException("unknown answer extractor \"" + name + "\"; known: " + NAMES);
        };
    }

    /** Picks an extractor from a bank's {@code answer_kind} or a problem set's domain, defaulting to {@link #exact()}. */
    static AnswerExtractor forKind(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        if (k.contains("latex") || k.contains("math")) return boxed();
        if (k.contains("number") || k.contains("numeric") || k.contains("gsm")) return number();
        if (k.contains("choice") || k.contains("letter")) return choice();
        if (k.contains("code") || k.contains("java") || k.contains("program")) return codeBlock();
        return exact();
    }
}
