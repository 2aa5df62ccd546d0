package dev.ponder.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ponder.core.error.PonderException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import picocli.CommandLine;

/**
 * Turns every way a command can end badly into one line on stderr and an exit code: 2 for bad input (a bad flag, a
 * bad file, a value out of range), 1 for other failures, 3 for a run whose every call failed ({@link Exit}). No stack
 * trace reaches the user (set {@code PONDER_DEBUG=1} to see one); library internals in a message (Jackson's
 * {@code [Source: ...]}, class names) are cut, so the line says what was wrong and where.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        return report(ex, cmd.getErr());
    }

    /** Parse errors: the message and where to read more, not the whole usage. */
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + Messages.oneLine(ex.getMessage()) + " (see '" + name + " --help')");
        cmd.getErr().flush();
        return BAD_INPUT;
    }

    /** Prints the one line for {@code t} and returns the exit code. */
    static int report(Throwable t, PrintWriter err) {
        int code;
        String line;
        switch (t) {
            case Exit e -> {
                code = e.code();
                line = e.getMessage();
            }
            case PonderException pe -> {
                code = pe.kind() == PonderException.Kind.INVALID_INPUT || pe.kind() == PonderException.Kind.NOT_FOUND ? BAD_INPUT : FAILURE;
                line = pe.getMessage();
            }
            case IllegalArgumentException e -> {
                code = BAD_INPUT;
                line = e.getMessage();
            }
            case JsonProcessingException e -> {
                code = BAD_INPUT;
                line = "bad JSON or YAML: " + e.getOriginalMessage() + Messages.at(e.getLocation());
            }
            case UncheckedIOException e -> {
                code = FAILURE;
                line = Messages.io(e.getCause());
            }
            case IOException e -> {
                code = FAILURE;
                line = Messages.io(e);
            }
            case OutOfMemoryError e -> {
                code = FAILURE;
                line = "out of memory: the input asks for more than this JVM has (give smaller sizes, or more memory with PONDER_JAVA_OPTS=-Xmx8g)";
            }
            default -> {
                code = FAILURE;
                line = Messages.cause(t, BindException.class).map(Messages::bind)
                        .or(() -> Messages.cause(t, IOException.class).map(Messages::io))
                        .orElse("unexpected error: " + t.getClass().getSimpleName() + ": " + t.getMessage());
            }
        }
        err.println("ponder: " + Messages.oneLine(line));
        if (System.getenv("PONDER_DEBUG") != null) t.printStackTrace(err);
        err.flush();
        return code;
    }
}
