package dev.ponder.stats.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ponder.stats.estimate.MajorityVote.Vote;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class MajorityVoteTest {
    @Test
    void unanimous_and_hopeless_problems() {
        var rng = RandomGeneratorFactory.of("L64X128MixRandom").create(1);
        List<Vote> right = List.of(new Vote("4", true), new Vote("4", true), new Vote("4", true));
        List<Vote> wrong = List.of(new Vote("5", false), new Vote("", false), new Vote("6", false));
        assertThat(MajorityVote.accuracyAtK(right, 2, 100, rng)).isEqualTo(1.0);
        assertThat(MajorityVote.accuracyAtK(wrong, 3, 100, rng)).isEqualTo(0.0);
    }

    @Test
    void single_sample_vote_equals_the_per_sample_accuracy() {
        var rng = RandomGeneratorFactory.of("L64X128MixRandom").create(2);
        List<Vote> votes = new ArrayList<>();
        for (int i = 0; i < 10; i++) votes.add(new Vote(i < 3 ? "a" : "b" + i, i < 3));
        assertThat(MajorityVote.accuracyAtK(votes, 1, 200_000, rng)).isCloseTo(0.3, within(0.005));
    }

    @Test
    void three_of_five_matches_the_exact_hypergeometric_value() {
        // answers: a (right) x3, b x2. A 3-subset wins for a when it holds >= 2 a's, or 1 a + ... (b,b) loses.
        // subsets of 3 from 5: 10. with 3 a: 1, 2 a: 6, 1 a: 3 (a,b,b -> b wins). So 7/10.
        var rng = RandomGeneratorFactory.of("L64X128MixRandom").create(3);
        List<Vote> votes = List.of(new Vote("a", true), new Vote("a", true), new Vote("a", true),
                new Vote("b", false), new Vote("b", false));
        assertThat(MajorityVote.accuracyAtK(votes, 3, 200_000, rng)).isCloseTo(0.7, within(0.005));
    }

    @Test
    void ties_are_broken_at_random() {
        var rng = RandomGeneratorFactory.of("L64X128MixRandom").create(4);
        List<Vote> votes = List.of(new Vote("a", true), new Vote("b", false));
        assertThat(MajorityVote.accuracyAtK(votes, 2, 100_000, rng)).isCloseTo(0.5, within(0.01));
    }
}
