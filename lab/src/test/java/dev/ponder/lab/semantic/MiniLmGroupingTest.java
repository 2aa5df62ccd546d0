package dev.ponder.lab.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.answer.Grouping;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The in-process MiniLM model at the shipped threshold, on paraphrase groups written for this test. */
class MiniLmGroupingTest {
    /** Three questions; for each, replies in several meanings, each meaning in three wordings. */
    static final List<List<List<String>>> QUESTIONS = List.of(
            List.of(
                    List.of("Read the stack trace to find which reference is null, then initialise it or check for null before using it.",
                            "Look at the line in the stack trace, work out which variable is null there, and make sure it is set (or guard it with a null check).",
                            "Find the null reference from the exception's stack trace and either give it a value or test for null before the call."),
                    List.of("Give the JVM more memory by raising the maximum heap size with -Xmx.",
                            "Increase the heap, for example java -Xmx4g, so the program has more memory.",
                            "Start the JVM with a larger -Xmx setting to allocate more heap memory.")),
            List.of(
                    List.of("Photosynthesis turns carbon dioxide and water into sugar using light, and gives off oxygen.",
                            "Plants use the energy of sunlight to make glucose from CO2 and water, releasing oxygen.",
                            "With light as the energy source, green plants build sugars out of water and carbon dioxide and release O2."),
                    List.of("Mitochondria break down glucose with oxygen to release energy as ATP.",
                            "Cellular respiration burns sugar with oxygen inside mitochondria, producing ATP, water and CO2.",
                            "Cells get energy by oxidising glucose in their mitochondria, which yields ATP.")),
            List.of(
                    List.of("def mean(xs):\n    return sum(xs) / len(xs)",
                            "def average(values):\n    return sum(values) / len(values)",
                            "def mean_value(nums):\n    total = sum(nums)\n    return total / len(nums)"),
                    List.of("Sort the numbers and take the middle value; with an even count, average the two middle values.",
                            "To get the median, order the numbers and take the one in the centre, averaging the two central values if the count is even.",
                            "The median is the middle value once the data are sorted; with an even count, average the two middle values.")));

    @Test
    void paraphrases_group_together_and_different_meanings_apart() {
        for (List<List<String>> meanings : QUESTIONS) {
            Grouping g = MiniLm.grouping().forQuestion();
            List<Set<String>> labels = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                for (int m = 0; m < meanings.size(); m++) {
                    if (labels.size() <= m) labels.add(new LinkedHashSet<>());
                    labels.get(m).add(g.extract(meanings.get(m).get(w)));
                }
            }
            for (int m = 0; m < meanings.size(); m++) {
                assertThat(labels.get(m)).as("wordings of %s", meanings.get(m).getFirst()).hasSize(1);
                for (int o = m + 1; o < meanings.size(); o++) assertThat(labels.get(m)).doesNotContainAnyElementsOf(labels.get(o));
            }
        }
    }

    @Test
    void embeddings_and_groups_are_deterministic() {
        List<String> texts = QUESTIONS.stream().flatMap(q -> q.stream().flatMap(List::stream)).toList();
        List<float[]> a = MiniLm.embedder().embed(texts), b = MiniLm.embedder().embed(texts.reversed());
        for (int i = 0; i < texts.size(); i++) assertThat(a.get(i)).containsExactly(b.get(texts.size() - 1 - i));
        Grouping g1 = MiniLm.grouping().forQuestion(), g2 = MiniLm.grouping().forQuestion();
        assertThat(texts.stream().map(g1::extract).toList()).isEqualTo(texts.stream().map(g2::extract).toList());
    }
}
