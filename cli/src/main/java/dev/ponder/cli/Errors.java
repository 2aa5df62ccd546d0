package dev.ponder.cli;

import dev.ponder.core.error.PonderException;
import picocli.CommandLine;

/** Turns exceptions into one clear line on stderr and an exit code: 2 for bad input, 1 for other failures. */
final class Errors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (ex instanceof PonderException pe) {
            cmd.getErr().println("ponder: " + pe.getMessage());
            return pe.kind() == PonderException.Kind.INVALID_INPUT || pe.kind() == PonderException.Kind.NOT_FOUND ? 2 : 1;
        }
        if (ex instanceof IllegalArgumentException) {
            cmd.getErr().println("ponder: " + ex.getMessage());
            return 2;
        }
        cmd.getErr().println("ponder: unexpected error: " + ex);
        ex.printStackTrace(cmd.getErr());
        return 1;
    }
}
