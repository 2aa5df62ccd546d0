package dev.ponder.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A reasoning model for budget-forcing tests (s1-style {@code think@T}): each time it is asked, it thinks for a number
 * of words ({@code t1 t2 ...}, numbered on from the thinking already in the prompt), closes with {@code </think>} and
 * answers. Over {@code /completions}, a prompt whose last {@code <think>} is still open gets more thinking (so "...Wait"
 * extends the chain), and a prompt whose thinking is closed gets only the answer. Over chat, the thinking comes as
 * {@code reasoning_content}; a request with {@code continue_final_message} continues its last assistant message the
 * way completions continue a prompt (vLLM's assistant prefill); {@code chat_template_kwargs.enable_thinking: false}
 * answers without thinking; {@code thinking.budget_tokens} caps the thinking as a provider would. The server applies {@code max_tokens} and {@code stop} as usual.
 */
public final class FakeThinker {
    private static final Pattern THOUGHT = Pattern.compile("t\\d+");

    /** What the model answers, given the request's whole prompt text, the thinking words behind the answer and the choice. */
    @FunctionalInterface
    public interface Answerer {
        String answer(String prompt, int thinkingWords, int choice);
    }

    private FakeThinker() { }

    public static FakeOpenAiServer.Handler handler(int wordsPerTurn, String answer) {
        if (wordsPerTurn < 1) throw new IllegalArgumentException("words per turn must be >= 1, was " + wordsPerTurn);
        return handler(p -> wordsPerTurn, (p, t, i) -> answer);
    }

    /** A thinker whose turn length and answers depend on the prompt (for example, on which question it holds). */
    public static FakeOpenAiServer.Handler handler(ToIntFunction<String> wordsPerTurn, Answerer answerer) {
        return r -> {
            String all = r.allPromptText();
            if (!r.chat()) return continuing(r, r.prompt(), all, wordsPerTurn, answerer);
            JsonNode ms = r.body().path("messages");
            JsonNode last = ms.isEmpty() ? null : ms.get(ms.size() - 1);
            if (r.body().path("continue_final_message").asBoolean(false) && last != null && last.path("role").asText().equals("assistant")) {
                return continuing(r, last.path("content").asText(""), all, wordsPerTurn, answerer);
            }
            int before = thoughts(all);
            if (!r.body().path("chat_template_kwargs").path("enable_thinking").asBoolean(true)) {
                return FakeReply.each(r, i -> FakeOutput.text(answerer.answer(all, before, i)));
            }
            int natural = wordsPerTurn.applyAsInt(all);
            JsonNode budget = r.body().path("thinking").path("budget_tokens");
            int words = budget.isInt() ? Math.min(natural, budget.asInt()) : natural;
            return FakeReply.each(r, i -> FakeOutput.thinking(words(1, words), answerer.answer(all, words, i)));
        };
    }

    private static FakeReply continuing(FakeRequest r, String text, String all, ToIntFunction<String> wordsPerTurn, Answerer answerer) {
        int open = text.lastIndexOf("<think>");
        boolean thinking = open >= 0 && text.indexOf("</think>", open) < 0;
        String since = open < 0 ? "" : text.substring(open + "<think>".length());
        if (!thinking) return FakeReply.each(r, i -> FakeOutput.text(" " + answerer.answer(all, thoughts(since), i)));
        int already = FakeTokens.count(since);
        int words = wordsPerTurn.applyAsInt(all);
        int total = thoughts(since) + words;
        return FakeReply.each(r, i -> FakeOutput.text(" " + words(already + 1, words) + " </think> " + answerer.answer(all, total, i)));
    }

    /** How many thinking words ({@code t1}, {@code t2}, ...) the text holds. */
    public static int thoughts(String text) {
        int n = 0;
        for (String w : text.split("\\s+")) if (THOUGHT.matcher(w).matches()) n++;
        return n;
    }

    private static String words(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> "t" + i).collect(Collectors.joining(" "));
    }

    /** The questions among {@code questions} that the prompt holds, longest first (so "2+2" does not shadow "12+2"). */
    public static List<String> questionsIn(String prompt, List<String> questions) {
        List<String> out = new ArrayList<>();
        for (String q : questions) if (prompt.contains(q)) out.add(q);
        out.sort((a, b) -> b.length() - a.length());
        return out;
    }
}
