package dev.ponder.core.answer;

import dev.ponder.core.model.Sample;
import java.util.List;

/**
 * An answer kind for replies that no extractor can normalise (explanations, summaries, code with different names):
 * it reads one question's samples together. Every text still gets a label, and texts that mean the same get the same
 * label, so votes, stopping rules and best-of count labels exactly as they count extracted answers. The kind also
 * says which sample stands for the winning label (the group's medoid), or that a judge call picks it (USC).
 * Recorded answers are never used with a grouping: it reads the text.
 */
public sealed interface Grouping extends AnswerExtractor permits SemanticGroups, ConsensusJudge {

    /**
     * Fresh state for one question's samples (itself when it already is one question's): a session calls this once and
     * reads every text through the result.
     */
    Grouping forQuestion();

    /** The sample that stands for the voters of one label (the first, or the most central by meaning). */
    Sample representative(List<Sample> voters);

    /**
     * True when a judge call over all the samples picks the reply (universal self-consistency) rather than the largest
     * group; the strategy makes that call through its session, so it is budgeted and traced like any call.
     */
    boolean judged();

    /** A text as a label: stripped, runs of white space made one space. */
    static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
