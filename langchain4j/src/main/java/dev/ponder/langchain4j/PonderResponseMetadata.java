package dev.ponder.langchain4j;

import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import java.util.Objects;

/**
 * What a Ponder-backed chat response adds to LangChain4j's metadata: the extracted answer, its confidence, the policy
 * that ran and why it stopped. The token usage is a {@link PonderTokenUsage} (dollars, samples). Listeners see it:
 * <pre>{@code
 * ChatModelListener spend = new ChatModelListener() {
 *     public void onResponse(ChatModelResponseContext ctx) {
 *         if (ctx.chatResponse().metadata() instanceof PonderResponseMetadata m)
 *             System.out.println(m.policy() + " answered " + m.answer() + " at " + m.confidence());
 *     }
 * };
 * }</pre>
 */
public final class PonderResponseMetadata extends ChatResponseMetadata {
    private final String answer;
    private final double confidence;
    private final String policy;
    private final String stop;

    private PonderResponseMetadata(Builder b) {
        super(b);
        this.answer = Objects.requireNonNull(b.answer, "answer");
        this.confidence = b.confidence;
        this.policy = Objects.requireNonNull(b.policy, "policy");
        this.stop = Objects.requireNonNull(b.stop, "stop");
    }

    /** The extracted answer the strategy chose (the reply text is the sample it came from). */
    public String answer() { return answer; }

    public double confidence() { return confidence; }

    /** The policy that ran, e.g. {@code vote@5:gpt-4o-mini}. */
    public String policy() { return policy; }

    /** Why drawing stopped: {@code DONE}, {@code BUDGET}, {@code DEADLINE}, {@code EXHAUSTED} or {@code FAILED}. */
    public String stop() { return stop; }

    /** The usage with dollars, when the response came from Ponder (always, for this class). */
    public PonderTokenUsage ponderUsage() { return (PonderTokenUsage) tokenUsage(); }

    @Override
    public Builder toBuilder() {
        return ((Builder) toBuilder(builder())).answer(answer).confidence(confidence).policy(policy).stop(stop);
    }

    public static Builder builder() { return new Builder(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof PonderResponseMetadata m && super.equals(o) && answer.equals(m.answer)
                && Double.compare(confidence, m.confidence) == 0 && policy.equals(m.policy) && stop.equals(m.stop);
    }

    @Override
    public int hashCode() { return Objects.hash(super.hashCode(), answer, confidence, policy, stop); }

    @Override
    public String toString() {
        return "PonderResponseMetadata { id = " + id() + ", modelName = " + modelName() + ", tokenUsage = " + tokenUsage()
                + ", finishReason = " + finishReason() + ", answer = " + answer + ", confidence = " + confidence
                + ", policy = " + policy + ", stop = " + stop + " }";
    }

    /** LangChain4j-style builder. */
    public static final class Builder extends ChatResponseMetadata.Builder<Builder> {
        private String answer = "";
        private double confidence;
        private String policy = "";
        private String stop = "DONE";

        public Builder answer(String a) { answer = a; return this; }

        public Builder confidence(double c) { confidence = c; return this; }

        public Builder policy(String p) { policy = p; return this; }

        public Builder stop(String s) { stop = s; return this; }

        @Override
        public PonderResponseMetadata build() { return new PonderResponseMetadata(this); }
    }
}
