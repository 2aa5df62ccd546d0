package dev.ponder.lab.runner;

/** What the runner reports as it goes (the CLI draws a progress bar; tests and the child process print lines). */
public interface RunProgress {
    /** Before the first unit: how many units the run has and how many were already stored (resume). */
    void start(long total, long alreadyDone);

    /** A unit was stored: its samples and dollars. */
    void stored(int units, int samples, double dollars);

    default void finish() {}

    static RunProgress none() {
        return new RunProgress() {
            @Override
            public void start(long total, long alreadyDone) {}

            @Override
            public void stored(int units, int samples, double dollars) {}
        };
    }
}
