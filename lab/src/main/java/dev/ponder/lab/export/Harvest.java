package dev.ponder.lab.export;

import dev.ponder.core.bank.Bank;
import dev.ponder.core.bank.RecordedSample;
import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Problem;
import dev.ponder.lab.store.ConfigRow;
import dev.ponder.lab.store.SampleStore;
import dev.ponder.lab.store.StoredOutcome;
import dev.ponder.lab.store.StoredSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The samples an export chooses from: one {@link Group} per configuration and problem, from a stored run or a bank. */
public record Harvest(String label, List<Group> groups) {
    public Harvest {
        groups = List.copyOf(groups);
    }

    /**
     * Every recorded sample of a bank, as one configuration ({@code recorded}); a problem's final answer is the
     * plurality of its samples' answers (ties to the answer recorded first, as {@code vote@N-max} decides).
     */
    public static Harvest of(Bank bank) {
        String kind = bank.answerKind() + " " + bank.domain();
        Origin origin = new Origin("bank", bank.name(), bank.name(), "recorded", bank.model());
        List<Group> groups = new ArrayList<>();
        for (Problem p : bank.problems()) {
            List<Draw> draws = bank.samplesOf(p.id()).stream().map(Harvest::draw).toList();
            groups.add(new Group(origin, kind, p, draws, plurality(draws)));
        }
        return new Harvest("bank " + bank.name() + " (" + bank.model() + ", " + bank.dir() + ")", groups);
    }

    /** The proxy's stored completions file ({@code store: true} requests), one group a request. */
    public static Harvest ofStored(Path file) { return StoredHarvest.read(file); }

    /** A stored run's samples, configuration by configuration; {@code strategies} keeps only those (empty: all). */
    public static Harvest of(SampleStore store, String runId, Set<String> strategies) {
        List<ConfigRow> configs = store.configs(runId);
        Set<String> known = new TreeSet<>(configs.stream().map(ConfigRow::strategy).toList());
        for (String s : strategies) {
            if (!known.contains(s)) throw PonderException.invalid("--strategy %s: run %s has no such configuration; its strategies: %s", s, runId, known);
        }
        Map<String, Map<String, Problem>> problems = new LinkedHashMap<>();
        store.problems(runId).forEach((source, ps) -> {
            Map<String, Problem> byId = new LinkedHashMap<>();
            ps.forEach(p -> byId.put(p.id(), p));
            problems.put(source, byId);
        });
        Map<String, Map<String, StoredOutcome>> outcomes = new LinkedHashMap<>();
        for (StoredOutcome o : store.outcomes(runId)) outcomes.computeIfAbsent(o.configId(), k -> new LinkedHashMap<>()).put(o.problemId(), o);
        List<Group> groups = new ArrayList<>();
        for (ConfigRow c : configs) {
            if (!strategies.isEmpty() && !strategies.contains(c.strategy())) continue;
            Origin origin = new Origin(runId, c.source(), c.configId(), c.strategy(), c.model());
            Map<String, List<StoredSample>> samples = store.samples(runId, c.configId());
            for (StoredOutcome o : outcomes.getOrDefault(c.configId(), Map.of()).values()) {
                Problem p = problems.getOrDefault(c.source(), Map.of()).get(o.problemId());
                if (p == null) continue;
                List<Draw> draws = samples.getOrDefault(o.problemId(), List.of()).stream().map(Harvest::draw).toList();
                groups.add(new Group(origin, c.domain(), p, draws, o.answer().isBlank() ? Optional.empty() : Optional.of(o.answer())));
            }
        }
        return new Harvest("run " + runId + " (" + store.file() + ")", groups);
    }

    private static Draw draw(RecordedSample s) {
        return new Draw(s.index(), s.text(), s.answer(), Optional.of(s.correct()), Optional.empty(), s.outputTokens(), s.costUsd());
    }

    private static Draw draw(StoredSample s) {
        return new Draw(s.index(), s.text(), s.answer(), s.verdict(), Optional.of((double) s.inputTokens()),
                Optional.of((double) s.outputTokens()), Optional.of(s.dollars()));
    }

    private static Optional<String> plurality(List<Draw> draws) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Draw d : draws) if (!d.answer().isBlank()) counts.merge(d.answer(), 1, Integer::sum);
        String best = null;
        for (var e : counts.entrySet()) if (best == null || e.getValue() > counts.get(best)) best = e.getKey();
        return Optional.ofNullable(best);
    }
}
