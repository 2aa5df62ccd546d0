package dev.ponder.lab.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.route.Predictor;
import dev.ponder.core.route.TierEstimate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EmbeddingTrainerTest {
    @Test
    void picks_a_candidate_by_validation_and_learns_which_queries_are_hard() {
        EmbeddingTrainer trainer = new EmbeddingTrainer(Synthetic.embeddings(), 4);
        EmbeddingTrainer.Selection s = trainer.select(Synthetic.table(200, 1));
        assertThat(s.brier()).containsKeys("knn@10", "knn@80", "logistic@0.0100000");
        double min = s.brier().values().stream().min(Double::compare).orElseThrow();
        assertThat(s.brier().get(s.best().name())).isBetween(min, min + 0.02);   // one-standard-error rule
        assertThat(s.validation()).hasSize(40);
        Predictor p = trainer.train(Synthetic.table(200, 1));
        List<TierEstimate> hard = p.predict("hard proof question number 9999"), easy = p.predict("easy sum 9999");
        assertThat(hard.getFirst().success()).isLessThan(0.35);
        assertThat(easy.getFirst().success()).isGreaterThan(0.8);
        assertThat(easy.get(1).cost()).isCloseTo(0.02, Offset.offset(1e-12));
    }

    @Test
    void every_candidate_round_trips_by_name() {
        for (Candidate c : List.of(new Candidate.Knn(20), new Candidate.Logistic(0.1), new Candidate.Blend(new Candidate.Knn(5), new Candidate.Logistic(0.01))))
            assertThat(Candidate.parse(c.name())).isEqualTo(c);
    }
}
