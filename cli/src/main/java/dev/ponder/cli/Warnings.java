package dev.ponder.cli;

import dev.ponder.core.bank.LineIssue;
import java.io.PrintWriter;
import java.util.List;

/** Prints input problems to stderr: the first few in full (file:line: what), then how many more. */
public final class Warnings {
    private static final int SHOWN = 3;

    private Warnings() {}

    public static void print(PrintWriter err, List<LineIssue> issues) {
        for (int i = 0; i < Math.min(SHOWN, issues.size()); i++) err.println("ponder: warning: " + issues.get(i));
        if (issues.size() > SHOWN) {
            err.println("ponder: warning: ... and " + (issues.size() - SHOWN) + " more such lines in " + issues.get(SHOWN).file());
        }
        err.flush();
    }
}
