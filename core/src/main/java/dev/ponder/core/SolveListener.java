package dev.ponder.core;

/**
 * Hears a question being solved: {@link #onProgress} after each sample, then exactly one of {@link #onSolution} or
 * {@link #onError}. Calls come from the solving thread, one at a time; a listener that throws from
 * {@code onProgress} does not stop the solve. Example:
 * <pre>{@code
 * ponder.stream("What is 6 x 7?", Policy.vote(5), new SolveListener() {
 *     public void onProgress(Progress p) { System.out.println(p.line()); }
 *     public void onSolution(Solution s) { System.out.println("answer " + s.answer()); }
 * }).join();
 * }</pre>
 */
public interface SolveListener {

    /** A sample (or a call's batch of samples, one event each) came back. */
    default void onProgress(Progress progress) { }

    /** The strategy finished; a solution with no sample carries the backend's failure ({@link Solution#orThrow}). */
    default void onSolution(Solution solution) { }

    /** The question could not be started: a policy the engine cannot run, an unknown model, no messages. */
    default void onError(RuntimeException error) { }
}
