package dev.ponder.cli.io;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr for commands that can run longer than a few seconds. A bar is drawn only on a terminal and
 * when the user did not ask for quiet ({@code --quiet}); otherwise the bar does nothing, so output piped to a file or
 * read by a test holds no bar.
 */
public final class Bars {
    private Bars() {}

    /** A bar of {@code total} steps. Thread-safe: steps may come from many virtual threads. */
    public interface Bar extends AutoCloseable {
        void step();

        /** A note after the bar, e.g. the dollars spent so far. */
        void note(String text);

        @Override
        void close();
    }

    /**
     * True when bars are wanted: the JVM runs in a terminal and not {@code quiet}. Since JDK 22 {@code System.console()}
     * is there even when the output goes to a pipe or a file, so it must also say it is a terminal.
     */
    @SuppressWarnings("SystemConsoleNull") // still null when the JVM is started with -Djdk.console=java.base and no terminal
    public static boolean wanted(boolean quiet) { return !quiet && System.console() != null && System.console().isTerminal(); }

    public static Bar open(String task, long total, boolean quiet) {
        if (!wanted(quiet) || total <= 0) return new Bar() {
            @Override
            public void step() {}

            @Override
            public void note(String text) {}

            @Override
            public void close() {}
        };
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed().continuousUpdate().build();
        return new Bar() {
            @Override
            public void step() { bar.step(); }

            @Override
            public void note(String text) { bar.setExtraMessage(text); }

            @Override
            public void close() { bar.close(); }
        };
    }
}
