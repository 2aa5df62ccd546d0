package dev.ponder.lab.store;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.calibrate.Provenance;
import dev.ponder.core.calibrate.Question;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calibration questions from a stored run: one configuration's samples per problem, in draw order (the configuration
 * should have drawn the full budget, e.g. {@code vote@N}). Verdicts become labels when the run has any (a sample
 * without an answer then counts as wrong); scores are kept.
 */
public final class RunQuestions {
    private RunQuestions() {}

    /** The questions and what they were made for. {@code configId} may be empty when the run has one configuration. */
    public record Loaded(List<Question> questions, Provenance provenance, int budget) {}

    public static Loaded load(SampleStore store, String runId, Optional<String> configId, Optional<String> answerKind) {
        if (store.run(runId).isEmpty()) {
            throw new PonderException(PonderException.Kind.NOT_FOUND,
                    "no run \"" + runId + "\" in " + store.file() + "; runs: " + store.runs().stream().map(RunInfo::runId).toList());
        }
        List<ConfigRow> configs = store.configs(runId);
        ConfigRow c;
        if (configId.isPresent()) {
            c = configs.stream().filter(r -> r.configId().equals(configId.get())).findFirst().orElseThrow(() -> PonderException.invalid(
                    "run %s has no configuration \"%s\"; it has: %s", runId, configId.get(), describe(configs)));
        } else if (configs.size() == 1) {
            c = configs.getFirst();
        } else {
            throw PonderException.invalid("run %s has %d configurations; pick the full-budget one with --config: %s", runId, configs.size(), describe(configs));
        }
        Map<String, List<StoredSample>> byProblem = store.samples(runId, c.configId());
        boolean labelled = byProblem.values().stream().flatMap(List::stream).anyMatch(s -> s.verdict().isPresent());
        List<Question> questions = new ArrayList<>();
        int budget = 0;
        for (var e : byProblem.entrySet()) {
            List<Sample> samples = new ArrayList<>();
            for (StoredSample s : e.getValue()) {
                Optional<Boolean> label = labelled ? Optional.of(s.verdict().orElse(false)) : Optional.empty();
                samples.add(new Sample(samples.size(), s.text(), s.reasoning(), s.answer(), Usage.ZERO, s.score(), label, "sample"));
            }
            if (samples.isEmpty()) continue;
            budget = Math.max(budget, samples.size());
            questions.add(new Question(e.getKey(), samples));
        }
        if (questions.isEmpty()) throw PonderException.invalid("run %s, configuration %s has no stored samples", runId, c.configId());
        String kind = answerKind.orElseGet(() -> AnswerExtractor.forKind(c.domain()).label());
        String data = "store " + store.file() + ", run " + runId + ", configuration " + c.configId() + " (" + c.strategy() + " on " + c.source() + ")";
        return new Loaded(questions, new Provenance(c.model(), kind, Optional.of(c.source()), data), budget);
    }

    private static String describe(List<ConfigRow> configs) {
        return String.join(", ", configs.stream().map(r -> r.configId() + " (" + r.strategy() + " on " + r.source() + ")").toList());
    }
}
