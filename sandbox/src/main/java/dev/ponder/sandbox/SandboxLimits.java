package dev.ponder.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits for one sandboxed worker. {@code timeout} is the wall time of one job; {@code cpuSeconds} bounds a worker's
 * whole life (RLIMIT_CPU is cumulative, so workers are recycled long before); {@code heapMb} is the JVM heap and
 * {@code addressSpaceMb} RLIMIT_AS (off-heap allocations); {@code maxProcesses} is RLIMIT_NPROC (threads count);
 * {@code maxFileBytes} is RLIMIT_FSIZE and {@code tmpBytes} the size of the sandbox's own tmpfs; {@code maxOutputBytes}
 * caps what the code under test may print.
 */
public record SandboxLimits(Duration timeout, int cpuSeconds, int heapMb, int addressSpaceMb, int maxProcesses,
                            long maxFileBytes, long tmpBytes, long maxOutputBytes) {
    public SandboxLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        positive("cpuSeconds", cpuSeconds);
        positive("heapMb", heapMb);
        positive("addressSpaceMb", addressSpaceMb);
        positive("maxProcesses", maxProcesses);
        positive("maxFileBytes", maxFileBytes);
        positive("tmpBytes", tmpBytes);
        positive("maxOutputBytes", maxOutputBytes);
        if (addressSpaceMb < heapMb + 512) {
            throw new IllegalArgumentException("addressSpaceMb (" + addressSpaceMb + ") must exceed heapMb (" + heapMb + ") by 512");
        }
    }

    /** 10 s per job, 256 MB heap, 3 GB address space, 128 processes/threads, 16 MB files, 1 MB output. */
    public static SandboxLimits defaults() {
        return new SandboxLimits(Duration.ofSeconds(10), 600, 256, 3072, 128, 16L << 20, 32L << 20, 1L << 20);
    }

    public SandboxLimits withTimeout(Duration t) {
        return new SandboxLimits(t, cpuSeconds, heapMb, addressSpaceMb, maxProcesses, maxFileBytes, tmpBytes, maxOutputBytes);
    }

    private static void positive(String name, long value) {
        if (value <= 0) throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
}
