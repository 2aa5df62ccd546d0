package dev.ponder.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a question stands while its strategy draws samples, reported to a {@link SolveListener} after each sample:
 * <pre>{@code
 * p.samples();   // 3 samples drawn so far
 * p.leader();    // Optional["42"]: the answer the vote would return now
 * p.share();     // 0.67: its share of the samples that gave an answer
 * p.dollars();   // 0.00041 spent so far
 * }</pre>
 */
public final class Progress {
    private final int samples;
    private final Optional<String> leader;
    private final int leaderVotes;
    private final int votes;
    private final Map<String, Integer> counts;
    private final long tokens;
    private final double dollars;

    Progress(int samples, Optional<String> leader, int leaderVotes, int votes, Map<String, Integer> counts, long tokens, double dollars) {
        this.samples = samples;
        this.leader = Objects.requireNonNull(leader, "leader");
        this.leaderVotes = leaderVotes;
        this.votes = votes;
        this.counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        this.tokens = tokens;
        this.dollars = dollars;
    }

    /** Samples drawn so far. */
    public int samples() { return samples; }

    /** The answer the vote would return now; empty while no sample has given an answer. */
    public Optional<String> leader() { return leader; }

    /** Votes for the leader. */
    public int leaderVotes() { return leaderVotes; }

    /** Samples that gave an answer (those without one do not vote). */
    public int votes() { return votes; }

    /** Votes per answer so far, in first-seen order. */
    public Map<String, Integer> counts() { return counts; }

    /** Tokens spent so far, input and output. */
    public long tokens() { return tokens; }

    /** Dollars spent so far. */
    public double dollars() { return dollars; }

    /** The leader's share of the votes, 0 when nothing has voted yet. */
    public double share() { return votes == 0 ? 0 : (double) leaderVotes / votes; }

    /** One line for logs: {@code 3 samples, vote 42 (2/3), $0.000410}. */
    public String line() {
        return String.format(Locale.ROOT, "%d sample%s, vote %s (%d/%d), $%.6f", samples, samples == 1 ? "" : "s",
                leader.orElse("-"), leaderVotes, votes, dollars);
    }

    @Override
    public String toString() { return line(); }
}
