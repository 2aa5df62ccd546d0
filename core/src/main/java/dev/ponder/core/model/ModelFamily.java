package dev.ponder.core.model;

import dev.ponder.core.error.PonderException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a family of reasoning models writes its thinking, for budget forcing: the chat template that turns messages
 * into a raw prompt for {@code /completions} ({@code {content}} marks where a message goes), the text that opens the
 * thinking, the stop strings that catch its end, the text appended to end it and ask for the answer, the word that
 * extends it ("Wait", as in s1), and body fields that turn thinking off for a chat call that must answer at once.
 */
public record ModelFamily(String name, String systemTurn, String userTurn, String assistantTurn, String generation,
                          String thinkOpen, List<String> thinkStop, String endThinking, String extension,
                          Map<String, Object> noThinking) {

    private static final String CHATML_SYSTEM = "<|im_start|>system\n{content}<|im_end|>\n";
    private static final String CHATML_USER = "<|im_start|>user\n{content}<|im_end|>\n";
    private static final String CHATML_ASSISTANT = "<|im_start|>assistant\n{content}<|im_end|>\n";

    /** Plain turns and {@code <think>} / {@code </think>}: the default, and what the fake server's thinker reads. */
    public static final ModelFamily THINK = new ModelFamily("think", "{content}\n\n", "User: {content}\n", "Assistant: {content}\n",
            "Assistant: ", "<think>\n", List.of("</think>"), "\n</think>\n\nFinal Answer:", "Wait", Map.of());

    /** Qwen3, QwQ (ChatML with {@code <think>}); {@code enable_thinking: false} answers without thinking. */
    public static final ModelFamily QWEN3 = new ModelFamily("qwen3", CHATML_SYSTEM, CHATML_USER, CHATML_ASSISTANT,
            "<|im_start|>assistant\n", "<think>\n", List.of("</think>"), "\n</think>\n\nFinal Answer:", "Wait",
            Map.of("chat_template_kwargs", Map.of("enable_thinking", false)));

    /** DeepSeek-R1 and its distills. */
    public static final ModelFamily DEEPSEEK_R1 = new ModelFamily("deepseek-r1", "{content}", "<｜User｜>{content}",
            "<｜Assistant｜>{content}<｜end▁of▁sentence｜>", "<｜Assistant｜>", "<think>\n", List.of("</think>"),
            "\n</think>\n\n**Final Answer:**\n\n", "Wait", Map.of());

    /** s1 / s1.1 (Muennighoff et al. 2025): ChatML with {@code <|im_start|>think} and {@code <|im_start|>answer}. */
    public static final ModelFamily S1 = new ModelFamily("s1", CHATML_SYSTEM, CHATML_USER, CHATML_ASSISTANT,
            "<|im_start|>assistant\n", "<|im_start|>think\n", List.of("<|im_start|>", "<|im_end|>"),
            "\n<|im_start|>answer\nFinal Answer:", "Wait", Map.of());

    public static final List<ModelFamily> KNOWN = List.of(THINK, QWEN3, DEEPSEEK_R1, S1);

    public ModelFamily {
        for (String s : List.of(name, systemTurn, userTurn, assistantTurn, generation, thinkOpen, endThinking, extension)) Objects.requireNonNull(s);
        if (name.isBlank()) throw new IllegalArgumentException("model family name is blank");
        thinkStop = List.copyOf(thinkStop);
        if (thinkStop.isEmpty() || thinkStop.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("model family " + name + " needs non-empty stop strings for the end of thinking, were " + thinkStop);
        }
        if (extension.isBlank()) throw new IllegalArgumentException("model family " + name + ": the extension word is blank");
        noThinking = Map.copyOf(noThinking);
    }

    /** A known family by name ({@code think}, {@code qwen3}, {@code deepseek-r1}, {@code s1}), or INVALID_INPUT. */
    public static ModelFamily named(String name) {
        for (ModelFamily f : KNOWN) if (f.name.equalsIgnoreCase(name.strip())) return f;
        throw PonderException.invalid("unknown model family \"%s\"; known: %s", name, KNOWN.stream().map(ModelFamily::name).toList());
    }

    /** The family a model name suggests, {@link #THINK} when it suggests none. */
    public static ModelFamily guess(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.matches("(?s).*(^|[/_-])s1(\\.1)?([_-].*|$)")) return S1;
        if (m.contains("deepseek-r1") || m.contains("r1-distill")) return DEEPSEEK_R1;
        if (m.contains("qwen3") || m.contains("qwq")) return QWEN3;
        return THINK;
    }

    /** The raw prompt for a conversation: each message in its turn, then the assistant's start and the thinking's open. */
    public String prompt(List<Message> messages) {
        StringBuilder b = new StringBuilder();
        for (Message m : messages) {
            String turn = switch (m.role()) {
                case "system" -> systemTurn;
                case "assistant" -> assistantTurn;
                default -> userTurn;
            };
            b.append(turn.replace("{content}", m.content()));
        }
        return b.append(generation).append(thinkOpen).toString();
    }

    /** A copy with other delimiters: the thinking's open, the one stop string that ends it, and the answer cue. */
    public ModelFamily withDelimiters(String open, String close, String answerCue) {
        return new ModelFamily(name, systemTurn, userTurn, assistantTurn, generation, open, List.of(close),
                "\n" + close + answerCue, extension, noThinking);
    }
}
