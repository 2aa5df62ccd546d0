package dev.ponder.core;

import java.util.Map;
import java.util.Optional;

/**
 * Where a question stands while its strategy draws samples, reported to a {@link SolveListener} after each sample:
 * <pre>{@code
 * p.samples();   // 3 samples drawn so far
 * p.leader();    // Optional["42"]: the answer the vote would return now
 * p.share();     // 0.67: its share of the samples that gave an answer
 * p.dollars();   // 0.00041 spent so far
 * }</pre>
 *
 * @param counts votes per answer so far, in first-seen order (samples without an answer do not vote)
 */
public record Progress(int samples, Optional<String> leader, int leaderVotes, int votes, Map<String, Integer> counts,
                       long tokens, double dollars) {
    public Progress {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }

    /** The leader's share of the votes, 0 when nothing has voted yet. */
    public double share() { return votes == 0 ? 0 : (double) leaderVotes / votes; }

    /** One line for logs: {@code 3 samples, vote 42 (2/3), $0.000410}. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "%d sample%s, vote %s (%d/%d), $%.6f", samples, samples == 1 ? "" : "s",
                leader.orElse("-"), leaderVotes, votes, dollars);
    }
}
