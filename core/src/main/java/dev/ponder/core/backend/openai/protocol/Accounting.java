package dev.ponder.core.backend.openai.protocol;

import dev.ponder.core.backend.Generation;
import dev.ponder.core.backend.GenerationRequest;
import dev.ponder.core.backend.Price;
import dev.ponder.core.model.Message;
import dev.ponder.core.model.ToolCall;
import dev.ponder.core.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one response's usage into per-choice usage whose sums are exactly the response's: prompt tokens and latency
 * split evenly, completion tokens in proportion to each choice's text length, reasoning tokens in proportion to its
 * reasoning text (largest-remainder rounding). Reasoning tokens are part of the output and priced as output.
 * When the server reported no usage, tokens are estimated at 4 characters a token rather than left at zero; when it
 * reported no reasoning tokens but returned reasoning text, they are estimated from the text's share of the output.
 */
public final class Accounting {
    private Accounting() { }

    public static List<Generation> generations(RawResult r, Price price, Duration latency, long promptChars) {
        List<RawResult.Choice> cs = r.choices();
        int k = cs.size();
        double[] outWeights = new double[k];
        double[] reasoningWeights = new double[k];
        long reasoningChars = 0;
        long allChars = 0;
        for (int i = 0; i < k; i++) {
            outWeights[i] = cs.get(i).outputChars();
            reasoningWeights[i] = cs.get(i).reasoning().length();
            reasoningChars += cs.get(i).reasoning().length();
            allChars += (long) outWeights[i];
        }
        RawResult.Tokens t = r.usage().orElseGet(() -> estimate(cs, promptChars));
        long reasoning = t.reasoning();
        if (reasoning == 0 && reasoningChars > 0 && allChars > 0) {
            reasoning = Math.round((double) t.completion() * reasoningChars / allChars);
        }
        long[] in = apportion(t.prompt(), new double[k]);
        long[] out = apportion(t.completion(), outWeights);
        long[] think = apportion(reasoning, reasoningChars > 0 ? reasoningWeights : toDoubles(out));
        long[] nanos = apportion(latency.toNanos(), new double[k]);
        List<Generation> gens = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Usage u = new Usage(in[i], out[i], Math.min(think[i], out[i]), price.cost(in[i], out[i]), Duration.ofNanos(nanos[i]));
            RawResult.Choice c = cs.get(i);
            gens.add(Generation.live(c.content(), c.reasoning(), c.finishReason(), u, c.confidence(), c.toolCalls()));
        }
        return gens;
    }

    /** The characters of a conversation's text, tool calls included: what the token estimate of its prompt is made from. */
    public static long promptChars(List<Message> messages) {
        long chars = 0;
        for (Message m : messages) {
            chars += m.content().length();
            for (ToolCall c : m.toolCalls()) chars += c.name().length() + c.arguments().length();
        }
        return chars;
    }

    /**
     * At least the prompt tokens of a chat request, for its worst case: half a token a character (no tokenizer makes a
     * token of less than two characters, but for rare ones), 4 a message for the template, 8 more; the tool definitions
     * in its extra fields count as text.
     */
    public static long promptAtMost(GenerationRequest r) {
        long chars = promptChars(r.messages());
        Object tools = r.extra().get("tools");
        if (tools != null) chars += tools.toString().length();
        return chars / 2 + 4L * r.messages().size() + 8;
    }

    private static RawResult.Tokens estimate(List<RawResult.Choice> cs, long promptChars) {
        long out = 0;
        long reasoning = 0;
        for (RawResult.Choice c : cs) {
            out += ceilDiv4(c.outputChars());
            reasoning += ceilDiv4(c.reasoning().length());
        }
        return new RawResult.Tokens(ceilDiv4(promptChars), out, reasoning);
    }

    private static long ceilDiv4(long chars) { return (chars + 3) / 4; }

    /** Splits {@code total} in proportion to {@code weights} (equally when they are all zero), summing exactly. */
    static long[] apportion(long total, double[] weights) {
        int k = weights.length;
        double sum = 0;
        for (double w : weights) sum += w;
        double[] share = new double[k];
        for (int i = 0; i < k; i++) share[i] = sum > 0 ? total * weights[i] / sum : (double) total / k;
        long[] out = new long[k];
        long given = 0;
        for (int i = 0; i < k; i++) {
            out[i] = (long) Math.floor(share[i]);
            given += out[i];
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(share[b] - out[b], share[a] - out[a]));
        for (int j = 0; given < total; j = (j + 1) % k) {
            out[order[j]]++;
            given++;
        }
        return out;
    }

    private static double[] toDoubles(long[] xs) {
        double[] d = new double[xs.length];
        for (int i = 0; i < xs.length; i++) d[i] = xs[i];
        return d;
    }
}
