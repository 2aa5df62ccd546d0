package dev.ponder.lab.export;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.verify.Verifier;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which samples become training examples, and which may stand as the rejected side of a preference pair.
 * {@code verified}: a checker or test passed (the verdict recorded with the sample, or a checker run again);
 * {@code majority}: the sample agrees with its configuration's final answer, given by at least two samples and by at
 * least {@code minAgreement} of the answered ones (label-free, as in self-training on self-consistent answers: Huang et al. 2022, "Large
 * Language Models Can Self-Improve"); {@code reference}: the sample's answer matches the reference answer.
 */
sealed interface Acceptance permits Acceptance.Verified, Acceptance.Majority, Acceptance.Reference {

    /** One label per draw of the group, in order. */
    List<Label> label(Group g);

    /** How a group's samples are judged, in a few words (for the yield's header). */
    String how(Group g);

    /** {@code verified}, {@code majority} or {@code reference}. */
    String name();

    /**
     * {@code checker}: {@code auto} (the checker the data's kind names when it needs no reference, i.e. Game of 24;
     * otherwise the recorded verdict), {@code recorded}, or a checker's name ({@code exact}, {@code math}, {@code game24}).
     */
    record Verified(String checker) implements Acceptance {
        public Verified {
            ExportCheckers.requireKnown(checker);
        }

        @Override
        public String name() { return "verified"; }

        /** The checker run again on this group's samples; empty when their recorded verdicts are used. */
        public Optional<Verifier> rerun(Group g) {
            return switch (checker) {
                case "recorded" -> Optional.empty();
                case "auto" -> Optional.of(Verifier.forKind(g.kind())).filter(ExportCheckers::readsText);
                default -> Optional.of(ExportCheckers.create(checker));
            };
        }

        @Override
        public List<Label> label(Group g) {
            Optional<Verifier> v = rerun(g);
            return g.draws().stream().map(d -> v.isPresent()
                    ? ExportCheckers.label(v.get().verify(g.problem(), ExportCheckers.readsText(v.get()) ? d.text() : d.answer()))
                    : d.verdict().map(ok -> ok ? Label.ACCEPTED : Label.REJECTED).orElse(Label.UNJUDGED)).toList();
        }

        @Override
        public String how(Group g) {
            return rerun(g).map(v -> "the " + v.name() + " checker run again on each sample")
                    .orElse("the verdicts recorded with the samples");
        }
    }

    record Majority(double minAgreement) implements Acceptance {
        public Majority {
            if (!(minAgreement >= 0 && minAgreement <= 1)) throw PonderException.invalid("--min-agreement must be in [0, 1], was %s", minAgreement);
        }

        @Override
        public String name() { return "majority"; }

        @Override
        public List<Label> label(Group g) {
            boolean trusted = g.agreeing() >= 2 && g.agreement() >= minAgreement;
            return g.draws().stream().map(d -> !trusted ? Label.UNJUDGED
                    : d.answer().equals(g.finalAnswer().get()) ? Label.ACCEPTED : Label.REJECTED).toList();
        }

        @Override
        public String how(Group g) {
            return "agreeing with each configuration's final answer when at least 2"
                    + (minAgreement > 0 ? String.format(Locale.ROOT, " and %.2f of its answers", minAgreement) : " of its samples") + " gave it";
        }
    }

    /** {@code checker}: {@code auto} (the kind's answer comparison: maths equivalence or exact) or {@code math} / {@code exact}. */
    record Reference(String checker) implements Acceptance {
        public Reference {
            ExportCheckers.requireKnown(checker);
            if (checker.equals("recorded")) {
                throw PonderException.invalid("--accept reference compares answers with the reference: --checker recorded does not apply (use --accept verified)");
            }
        }

        @Override
        public String name() { return "reference"; }

        Verifier comparator(Group g) {
            Verifier v = checker.equals("auto") ? Verifier.forKind(g.kind()) : ExportCheckers.create(checker);
            if (ExportCheckers.readsText(v) || v.name().equals("code")) {
                throw PonderException.invalid("--accept reference: %s's answers (kind \"%s\") are judged by the %s checker, not by comparison with a reference"
                        + " (its reference is \"%s\"): use --accept verified", g.origin().source(), g.kind().strip(), v.name(), g.problem().reference());
            }
            return v;
        }

        @Override
        public List<Label> label(Group g) {
            Verifier v = comparator(g);
            return g.draws().stream().map(d -> d.answer().isBlank() ? Label.REJECTED : ExportCheckers.label(v.verify(g.problem(), d.answer()))).toList();
        }

        @Override
        public String how(Group g) { return "answers compared with the reference by the " + comparator(g).name() + " checker"; }
    }

    /** Parses {@code --accept}, {@code --min-agreement} and {@code --checker}. */
    static Acceptance parse(String mode, Optional<Double> minAgreement, String checker) {
        if (minAgreement.isPresent() && !mode.equals("majority")) {
            throw PonderException.invalid("--min-agreement applies to --accept majority only (--accept was %s)", mode);
        }
        if (mode.equals("majority") && !checker.equals("auto")) {
            throw PonderException.invalid("--checker applies to --accept verified and reference; majority needs no checker (--checker was %s)", checker);
        }
        return switch (mode) {
            case "verified" -> new Verified(checker);
            case "majority" -> new Majority(minAgreement.orElse(0.0));
            case "reference" -> new Reference(checker);
            default -> throw PonderException.invalid("--accept must be verified, majority or reference, was \"%s\"", mode);
        };
    }
}
