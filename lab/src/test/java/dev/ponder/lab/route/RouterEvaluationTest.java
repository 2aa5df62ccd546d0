package dev.ponder.lab.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.route.Knob;
import dev.ponder.core.route.OutcomeTable;
import dev.ponder.core.route.Router;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterEvaluationTest {
    @TempDir
    Path dir;

    @Test
    void the_same_table_is_cross_validated_and_a_disjoint_one_scored_directly() {
        OutcomeTable all = Synthetic.table(240, 5);
        Set<String> firstHalf = Set.copyOf(all.rows().subList(0, 120).stream().map(OutcomeTable.Row::id).toList());
        OutcomeTable train = all.select(firstHalf, true), test = all.select(firstHalf, false);
        RouterModel m = RouterModel.train(train, "length-keyword", 1, dir.resolve("m.json"));
        RouterModel loaded = RouterModel.load(dir.resolve("m.json"));
        assertThat(loaded.trainedIds()).isEqualTo(firstHalf);

        RouterReport same = RouterEvaluation.run(loaded, train, 4, 1, 20, List.of());
        assertThat(same.mode()).contains("4-fold cross-validation").contains("120 of 120");
        RouterReport other = RouterEvaluation.run(loaded, test, 4, 1, 20, List.of());
        assertThat(other.mode()).isEqualTo("model trained on other queries");
        assertThat(other.queries()).isEqualTo(120);
        assertThat(m.predictorName()).isEqualTo("length-keyword");
    }

    @Test
    void a_loaded_model_routes_hard_questions_to_the_strong_tier() {
        RouterModel.train(Synthetic.table(300, 6), "length-keyword", 1, dir.resolve("m.json"));
        Router r = RouterModel.load(dir.resolve("m.json")).router();
        assertThat(r.choose("easy sum 3", new Knob.Lambda(0)).tier().model()).isEqualTo("strong");
        assertThat(r.choose("easy sum 3", new Knob.Lambda(1000)).tier().model()).isEqualTo("cheap");
    }
}
