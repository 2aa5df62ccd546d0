package dev.ponder.langchain4j;

import dev.langchain4j.model.output.TokenUsage;
import java.util.Objects;

/**
 * LangChain4j token usage that also carries what Ponder spent: dollars, reasoning tokens and samples drawn, summed
 * over every call a strategy made. It survives LangChain4j's own sums ({@link TokenUsage#sum}, an AI service's
 * {@code Result.tokenUsage()} over tool rounds):
 * <pre>{@code
 * Result<String> r = assistant.chat("What is 6 x 7?");
 * if (r.tokenUsage() instanceof PonderTokenUsage u) System.out.println(u.dollars() + " $ over " + u.samples() + " samples");
 * }</pre>
 */
public final class PonderTokenUsage extends TokenUsage {
    private final int reasoningTokens;
    private final double dollars;
    private final int samples;

    public PonderTokenUsage(int inputTokens, int outputTokens, int reasoningTokens, double dollars, int samples) {
        super(inputTokens, outputTokens, inputTokens + outputTokens);
        if (reasoningTokens < 0 || samples < 0 || !(dollars >= 0)) {
            throw new IllegalArgumentException("reasoning tokens, samples and dollars must be >= 0, were "
                    + reasoningTokens + ", " + samples + ", " + dollars);
        }
        this.reasoningTokens = reasoningTokens;
        this.dollars = dollars;
        this.samples = samples;
    }

    public int reasoningTokens() { return reasoningTokens; }

    public double dollars() { return dollars; }

    public int samples() { return samples; }

    @Override
    public TokenUsage add(TokenUsage that) {
        if (that == null) return this;
        int in = inputTokenCount() + (that.inputTokenCount() == null ? 0 : that.inputTokenCount());
        int out = outputTokenCount() + (that.outputTokenCount() == null ? 0 : that.outputTokenCount());
        if (that instanceof PonderTokenUsage p) {
            return new PonderTokenUsage(in, out, reasoningTokens + p.reasoningTokens, dollars + p.dollars, samples + p.samples);
        }
        return new PonderTokenUsage(in, out, reasoningTokens, dollars, samples);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PonderTokenUsage p && super.equals(o) && reasoningTokens == p.reasoningTokens
                && Double.compare(dollars, p.dollars) == 0 && samples == p.samples;
    }

    @Override
    public int hashCode() { return Objects.hash(super.hashCode(), reasoningTokens, dollars, samples); }

    @Override
    public String toString() {
        return "PonderTokenUsage { inputTokenCount = " + inputTokenCount() + ", outputTokenCount = " + outputTokenCount()
                + ", totalTokenCount = " + totalTokenCount() + ", reasoningTokens = " + reasoningTokens
                + ", dollars = " + dollars + ", samples = " + samples + " }";
    }
}
