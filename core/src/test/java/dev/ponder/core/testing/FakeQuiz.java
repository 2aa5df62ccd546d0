package dev.ponder.core.testing;

import java.util.List;
import java.util.Map;

/**
 * A {@link FakeThinker} that knows a set of questions and their answers, for sequential-vs-parallel benches: each
 * question gets, from a seeded hash, a natural thinking length in [minWords, maxWords], a ceiling accuracy in
 * [0.5, 0.95] and a scale in [100, 1500] words; an answer after t thinking words is right with probability
 * ceiling x (1 - exp(-t / scale)), else one of three wrong answers (reference + 1, + 2, + 3 when it is a number), the
 * first twice as likely as the others. Every draw is a hash of (seed, question, t, choice), so runs are repeatable
 * whatever the scheduling. Its answers read "The answer is X.".
 */
public record FakeQuiz(Map<String, String> answers, int minWords, int maxWords, long seed) {
    public FakeQuiz {
        answers = Map.copyOf(answers);
        if (minWords < 1 || maxWords < minWords) throw new IllegalArgumentException("need 1 <= minWords <= maxWords, were " + minWords + ", " + maxWords);
    }

    public FakeOpenAiServer.Handler handler() {
        List<String> questions = List.copyOf(answers.keySet());
        return FakeThinker.handler(p -> words(question(p, questions)), (p, t, i) -> answer(question(p, questions), t, i));
    }

    /** The natural thinking length of a question, in words (tokens of the fake server). */
    public int words(String question) { return minWords + (int) Math.floor(unit(question, 1, 0, 0) * (maxWords - minWords + 1)); }

    /** The chance that an answer after {@code thinking} words is right. */
    public double accuracy(String question, int thinking) {
        double ceiling = 0.5 + 0.45 * unit(question, 2, 0, 0);
        double scale = 100 + 1400 * unit(question, 3, 0, 0);
        return ceiling * (1 - Math.exp(-thinking / scale));
    }

    String answer(String question, int thinking, int choice) {
        String ref = answers.getOrDefault(question, "");
        if (unit(question, 4, thinking, choice) < accuracy(question, thinking)) return "The answer is " + ref + ".";
        double w = unit(question, 5, thinking, choice);
        int k = w < 0.5 ? 1 : w < 0.75 ? 2 : 3;
        String wrong;
        try {
            wrong = String.valueOf(Long.parseLong(ref.strip()) + k);
        } catch (NumberFormatException e) {
            wrong = "wrong-" + k;
        }
        return "The answer is " + wrong + ".";
    }

    private static String question(String prompt, List<String> questions) {
        List<String> in = FakeThinker.questionsIn(prompt, questions);
        return in.isEmpty() ? "" : in.getFirst();
    }

    /** A uniform number in [0, 1) from the seed, the question and three integers (SplitMix64 finaliser). */
    private double unit(String question, long stream, long a, long b) {
        long z = seed * 0x9E3779B97F4A7C15L + question.hashCode() * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL + a * 31 + b * 1_000_003;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
