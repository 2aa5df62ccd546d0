package dev.ponder.core.answer;

import dev.ponder.core.model.Sample;
import java.util.List;

/**
 * Universal self-consistency (Chen et al. 2023, "Universal Self-Consistency for Large Language Model Generation"):
 * the model itself is shown all the responses and asked for the most consistent one. Texts are labelled by their
 * normalised wording, so only identical replies vote together before the judge is asked.
 */
enum ConsensusJudge implements Grouping {
    INSTANCE;

    @Override
    public String extract(String text) { return Grouping.normalise(text); }

    @Override
    public String label() { return "usc"; }

    @Override
    public Grouping forQuestion() { return this; }

    @Override
    public Sample representative(List<Sample> voters) { return voters.getFirst(); }

    @Override
    public boolean judged() { return true; }
}
