package dev.ponder.server.chat;

import java.time.InstantSource;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** Trace ids and per-request seeds, from the injected clock and random generator (one generator: drawn under its lock). */
record Ids(InstantSource clock, RandomGenerator random) {
    private static final HexFormat HEX = HexFormat.of();

    /** The time in milliseconds then 64 random bits, in hex. */
    String traceId() { return Long.toHexString(clock.millis()) + HEX.toHexDigits(seed()); }

    long seed() {
        synchronized (random) {
            return random.nextLong();
        }
    }
}
