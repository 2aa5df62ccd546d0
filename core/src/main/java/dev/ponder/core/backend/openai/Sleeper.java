package dev.ponder.core.backend.openai;

import java.time.Duration;

/** Waits between retries. Injected so tests record the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() { return Thread::sleep; }
}
