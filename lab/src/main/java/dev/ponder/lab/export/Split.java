package dev.ponder.lab.export;

import dev.ponder.core.error.PonderException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The held-out problems: a seeded random {@code fraction} of the problems that have a kept example (at least one,
 * and at least one left to train on), so that no problem has lines on both sides. The problems are sorted by
 * source and id before the shuffle, so the split depends only on the seed and the set of problems.
 */
final class Split {
    private Split() {}

    static Set<String> holdout(List<ProblemYield> problems, double fraction, long seed) {
        if (fraction == 0) return Set.of();
        if (!(fraction > 0 && fraction < 1)) throw PonderException.invalid("--holdout must be a fraction in (0, 1), was %s", fraction);
        List<ProblemYield> eligible = new ArrayList<>(problems.stream().filter(p -> !p.kept().isEmpty()).toList());
        if (eligible.size() < 2) {
            throw PonderException.invalid("--holdout %s: %d problem(s) have accepted examples; a split by problem needs at least 2", fraction, eligible.size());
        }
        eligible.sort(Comparator.comparing(ProblemYield::source).thenComparing(p -> p.problem().id()));
        Collections.shuffle(eligible, new SplittableRandom(seed));
        int k = (int) Math.max(1, Math.min(eligible.size() - 1, Math.round(fraction * eligible.size())));
        return eligible.subList(0, k).stream().map(ProblemYield::key).collect(Collectors.toUnmodifiableSet());
    }
}
