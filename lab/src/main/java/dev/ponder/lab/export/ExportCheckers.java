package dev.ponder.lab.export;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.model.Verdict;
import dev.ponder.core.verify.Verifier;
import dev.ponder.core.verify.VerifierRegistry;
import java.util.TreeSet;

/** The checkers {@code --checker} may name. */
final class ExportCheckers {
    private static final VerifierRegistry REGISTRY = VerifierRegistry.standard();

    private ExportCheckers() {}

    static void requireKnown(String checker) {
        if (!checker.equals("auto") && !checker.equals("recorded") && !REGISTRY.names().contains(checker)) {
            throw PonderException.invalid("--checker must be auto, recorded or one of %s, was \"%s\"", new TreeSet<>(REGISTRY.names()), checker);
        }
    }

    static Verifier create(String name) { return REGISTRY.create(name); }

    /** Game of 24's checker reads the expression off the output's last line, so it judges the very text exported. */
    static boolean readsText(Verifier v) { return v.name().equals("game24"); }

    static Label label(Verdict v) {
        return switch (v) {
            case Verdict.Accepted _ -> Label.ACCEPTED;
            case Verdict.Rejected _ -> Label.REJECTED;
            case Verdict.Undecided _ -> Label.UNJUDGED;
        };
    }
}
