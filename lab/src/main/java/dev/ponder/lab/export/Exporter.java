package dev.ponder.lab.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a run's or a bank's samples into training data. Keeping the samples a checker accepts and fine-tuning on
 * them is rejection-sampling fine-tuning (Yuan et al. 2023, "Scaling Relationship on Learning Mathematical Reasoning
 * with Large Language Models"; STaR, Zelikman et al. 2022); a failing sample of the same problem makes the rejected
 * side of a DPO pair (Rafailov et al. 2023). Nothing is written unless every requested file gets a line.
 */
public final class Exporter {

    /** What to export and where; see {@link #request} for the checks. */
    public record Request(Acceptance accept, Optional<Integer> maxPerProblem, double holdout, long seed, Optional<String> system,
                          Metadata metadata, Optional<Path> finetune, Optional<Path> preference, Optional<Path> frontier) {}

    /** The outcome: files written, or why nothing was. Both carry the yield. */
    public sealed interface Outcome permits Written, Refused {
        Yield harvest();
    }

    public record Written(Yield harvest, List<Output.Written> files, List<String> notes) implements Outcome {}

    public record Refused(Yield harvest, String why) implements Outcome {}

    private Exporter() {}

    /** Builds a request from command-line values, naming the bad one. */
    public static Request request(String accept, Optional<Double> minAgreement, String checker, Optional<Integer> maxPerProblem,
                                  double holdout, long seed, Optional<String> system, String metadata, Optional<Path> finetune,
                                  Optional<Path> preference, Optional<Path> frontier) {
        if (finetune.isEmpty() && preference.isEmpty()) throw PonderException.invalid("nothing to write: give --finetune FILE and/or --preference FILE");
        if (maxPerProblem.isPresent() && maxPerProblem.get() < 1) throw PonderException.invalid("--max-per-problem must be >= 1, was %d", maxPerProblem.get());
        if (!(holdout >= 0 && holdout < 1)) throw PonderException.invalid("--holdout must be a fraction in (0, 1), was %s", holdout);
        if (system.isPresent() && system.get().isBlank()) throw PonderException.invalid("--system is blank: give the system message's text, or leave it out");
        Set<Path> outs = new LinkedHashSet<>();
        for (Optional<Path> p : List.of(finetune, preference, frontier)) {
            if (p.isPresent() && !outs.add(p.get().toAbsolutePath().normalize())) throw PonderException.invalid("%s is given for two outputs", p.get());
            if (p.isPresent() && Files.isDirectory(p.get())) throw PonderException.invalid("%s is a folder: give a file to write, e.g. %s", p.get(), p.get().resolve("out.jsonl"));
        }
        return new Request(Acceptance.parse(accept, minAgreement, checker), maxPerProblem, holdout, seed, system,
                Metadata.parse(metadata), finetune, preference, frontier);
    }

    public static Outcome export(Harvest harvest, Request r) {
        List<Group> groups = harvest.groups();
        List<List<Label>> labels = groups.stream().map(r.accept()::label).toList();
        List<ProblemYield> problems = Selection.select(groups, labels, r.maxPerProblem());
        Optional<Recheck> recheck = Recheck.of(groups, labels, r.accept());
        List<String> how = new ArrayList<>(new LinkedHashSet<>(groups.stream().map(r.accept()::how).toList()));
        Yield all = new Yield(harvest.label(), r.accept().name(), how, recheck, problems, Set.of(), r.seed(), r.maxPerProblem(), Spend.of(groups));
        Optional<String> refusal = refusal(harvest, r, all, groups);
        if (refusal.isPresent()) return new Refused(all, refusal.get());
        Yield y = r.holdout() > 0 ? all.withHoldout(Split.holdout(problems, r.holdout(), r.seed())) : all;
        List<Output.Planned> plan = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        r.finetune().ifPresent(f -> plan(plan, notes, f, y, r, false));
        r.preference().ifPresent(f -> plan(plan, notes, f, y, r, true));
        r.frontier().ifPresent(f -> plan.add(new Output.Planned(f, "frontier", y.frontier().stream().map(Lines::frontier).toList(), false)));
        return new Written(y, Output.write(plan), notes);
    }

    private static Optional<String> refusal(Harvest h, Request r, Yield y, List<Group> groups) {
        if (y.spend().samples() == 0) return Optional.of(h.label() + " has no samples" + (groups.isEmpty() ? "" : " on its " + groups.size() + " problem(s)") + "; nothing written");
        if (y.examples() == 0) {
            String best = r.accept() instanceof Acceptance.Majority m && m.minAgreement() > 0
                    ? String.format(Locale.ROOT, "; the highest agreement is %.2f, under --min-agreement %.2f",
                            groups.stream().mapToDouble(Group::agreement).max().orElse(0), m.minAgreement()) : "";
            return Optional.of("no sample of " + h.label() + " passed --accept " + r.accept().name() + " (" + String.join("; ", y.judgedBy())
                    + "): 0 of " + y.spend().samples() + " samples accepted" + best + "; nothing written");
        }
        if (r.preference().isPresent() && y.pairs() == 0) {
            return Optional.of("no preference pairs: none of the " + y.withAccepted() + " problem(s) with an accepted sample has a rejected one"
                    + " (--accept " + r.accept().name() + "); nothing written");
        }
        return Optional.empty();
    }

    private static void plan(List<Output.Planned> plan, List<String> notes, Path file, Yield y, Request r, boolean pairs) {
        for (boolean heldOut : y.holdout().isEmpty() ? List.of(false) : List.of(false, true)) {
            Path target = heldOut ? Output.sibling(file, "holdout") : file;
            List<ObjectNode> lines = new ArrayList<>(), metas = new ArrayList<>();
            for (ProblemYield p : y.problems()) {
                if (y.holdout().contains(p.key()) != heldOut) continue;
                if (pairs) p.pairs().forEach(x -> add(lines, metas, Lines.preference(x, r.system()), Lines.meta(x, r.accept().name()), r.metadata()));
                else p.kept().forEach(x -> add(lines, metas, Lines.chat(x, r.system()), Lines.meta(x, r.accept().name()), r.metadata()));
            }
            if (lines.isEmpty()) {
                notes.add(target + " not written: the " + (heldOut ? "held-out" : "training") + " problems have no " + (pairs ? "preference pairs" : "examples"));
                continue;
            }
            plan.add(new Output.Planned(target, pairs ? "preference" : "finetune", lines, true));
            if (r.metadata() == Metadata.SIDECAR) plan.add(new Output.Planned(Output.sibling(target, "meta"), "provenance", metas, false));
        }
    }

    private static void add(List<ObjectNode> lines, List<ObjectNode> metas, ObjectNode line, ObjectNode meta, Metadata where) {
        switch (where) {
            case INLINE -> line.set("metadata", meta);
            case SIDECAR -> metas.add(meta.put("line", lines.size() + 1));
        }
        lines.add(line);
    }
}
