package dev.ponder.lab.export;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The labels set against the verdicts recorded with the samples. For {@code verified} with a checker run again:
 * on how many samples the checker agrees with the recorded verdict. For {@code majority} and {@code reference}:
 * how many accepted samples were recorded as correct, i.e. how clean the label-free or reference labels are.
 */
record Recheck(String claim, long agree, long compared) {

    static Optional<Recheck> of(List<Group> groups, List<List<Label>> labels, Acceptance rule) {
        boolean verified = rule instanceof Acceptance.Verified;
        long agree = 0, compared = 0;
        for (int j = 0; j < groups.size(); j++) {
            Group g = groups.get(j);
            if (rule instanceof Acceptance.Verified v && v.rerun(g).isEmpty()) continue;
            for (int i = 0; i < g.draws().size(); i++) {
                Optional<Boolean> recorded = g.draws().get(i).verdict();
                boolean accepted = labels.get(j).get(i) == Label.ACCEPTED;
                if (recorded.isEmpty() || (!verified && !accepted)) continue;
                compared++;
                if (recorded.get() == accepted) agree++;
            }
        }
        if (compared == 0) return Optional.empty();
        return Optional.of(new Recheck(verified ? "samples on which the checker run again agrees with the recorded verdict"
                : "accepted samples recorded as correct", agree, compared));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d of %d (%.1f%%)", claim, agree, compared, 100.0 * agree / compared);
    }
}
