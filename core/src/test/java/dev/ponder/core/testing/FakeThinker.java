package dev.ponder.core.testing;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A reasoning model for budget-forcing tests (s1-style {@code think@T}): each time it is asked, it thinks for
 * {@code wordsPerTurn} words ({@code t1 t2 ...}, numbered on from the thinking already in the prompt), closes with
 * {@code </think>} and answers. Over {@code /completions}, a prompt whose last {@code <think>} is still open gets more
 * thinking (so "...Wait" extends the chain), and a prompt whose thinking is closed gets only the answer. Over chat, the
 * thinking comes as {@code reasoning_content}. The server applies {@code max_tokens} and {@code stop} as usual.
 */
public final class FakeThinker {
    private FakeThinker() { }

    public static FakeOpenAiServer.Handler handler(int wordsPerTurn, String answer) {
        if (wordsPerTurn < 1) throw new IllegalArgumentException("words per turn must be >= 1, was " + wordsPerTurn);
        return r -> {
            if (r.chat()) return FakeReply.each(r, i -> FakeOutput.thinking(words(1, wordsPerTurn), answer));
            String p = r.prompt();
            int open = p.lastIndexOf("<think>");
            boolean thinking = open >= 0 && p.indexOf("</think>", open) < 0;
            if (!thinking) return FakeReply.each(r, i -> FakeOutput.text(" " + answer));
            int already = FakeTokens.count(p.substring(open + "<think>".length()));
            return FakeReply.each(r, i -> FakeOutput.text(" " + words(already + 1, wordsPerTurn) + " </think> " + answer));
        };
    }

    private static String words(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> "t" + i).collect(Collectors.joining(" "));
    }
}
