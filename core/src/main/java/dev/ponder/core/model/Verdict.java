package dev.ponder.core.model;

/** What a verifier says of one answer. */
public sealed interface Verdict {

    /** The verifier's reason in a few words (for traces and reports). */
    String reason();

    /** Accepted, with the verifier's confidence in [0, 1]. */
    record Accepted(double confidence, String reason) implements Verdict {
        public Accepted {
            if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("confidence must be in [0,1], was " + confidence);
        }
    }

    record Rejected(String reason) implements Verdict {}

    /** The verifier could not decide (no reference, checker error, timeout of a judge). */
    record Undecided(String reason) implements Verdict {}

    static Verdict accepted(String reason) { return new Accepted(1.0, reason); }

    static Verdict rejected(String reason) { return new Rejected(reason); }

    static Verdict undecided(String reason) { return new Undecided(reason); }

    default boolean isAccepted() { return this instanceof Accepted; }

    /** The verdict and its reason as a trace line says it: {@code accepted: 24 reached}. */
    default String label() {
        return switch (this) {
            case Accepted a -> "accepted: " + a.reason();
            case Rejected r -> "rejected: " + r.reason();
            case Undecided u -> "undecided: " + u.reason();
        };
    }
}
