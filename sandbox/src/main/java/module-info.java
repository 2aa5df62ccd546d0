/**
 * The bubblewrap sandbox and its worker pool, behind core's {@code JavaSandbox}. The worker itself runs in a child
 * JVM on the class path (launched from this jar), so {@code dev.ponder.sandbox.worker} stays unexported.
 */
module dev.ponder.sandbox {
    requires transitive dev.ponder.core;
    requires java.compiler;

    exports dev.ponder.sandbox;
}
