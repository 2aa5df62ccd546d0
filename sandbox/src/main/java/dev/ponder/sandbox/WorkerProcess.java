package dev.ponder.sandbox;

import dev.ponder.core.error.PonderException;
import dev.ponder.core.verify.java.JavaOutcome;
import dev.ponder.core.verify.java.JavaRun;
import dev.ponder.sandbox.worker.Protocol;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/** One worker JVM seen from the host: sends a job, waits for its result within the wall time, kills it when needed. */
final class WorkerProcess {

    private static final SecureRandom NONCES = new SecureRandom();
    private static final Executor VIRTUAL = task -> Thread.ofVirtual().start(task);
    private static final long STARTUP_SECONDS = 60;
    private static final long GRACE_MILLIS = 2_000;

    private final Process process;
    private final DataOutputStream toWorker;
    private final DataInputStream fromWorker;
    private final StringBuilder stderrTail = new StringBuilder();
    private final AtomicLong stderrBytes = new AtomicLong();
    private final long outputCap;
    private boolean reusable = true;

    private WorkerProcess(Process process, long outputCap) {
        this.process = process;
        this.outputCap = outputCap;
        this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        Thread.ofVirtual().name("ponder-worker-stderr-" + process.pid()).start(this::drainStderr);
    }

    static WorkerProcess start(Launcher launcher, SandboxLimits limits) {
        ProcessBuilder builder = new ProcessBuilder(launcher.command());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        WorkerProcess worker;
        try {
            worker = new WorkerProcess(builder.start(), limits.maxOutputBytes());
        } catch (IOException e) {
            throw new PonderException(PonderException.Kind.INTERNAL, "cannot start a sandbox worker (" + launcher.command().getFirst() + "): " + e.getMessage(), e);
        }
        try {
            int ready = CompletableFuture.supplyAsync(worker::readReady, VIRTUAL)
                    .get(STARTUP_SECONDS, TimeUnit.SECONDS);
            if (ready != Protocol.READY) throw new IOException("unexpected greeting " + Integer.toHexString(ready));
            return worker;
        } catch (InterruptedException | ExecutionException | TimeoutException | IOException e) {
            worker.kill();
            throw new PonderException(PonderException.Kind.INTERNAL, "sandbox worker did not start: " + e
                    + "; its stderr: " + worker.stderr().strip(), e);
        }
    }

    boolean reusable() { return reusable && process.isAlive(); }

    JavaRun run(String source, String mainClass, String trustedTypes, SandboxLimits limits) {
        long nonceHigh = NONCES.nextLong(), nonceLow = NONCES.nextLong();
        long timeoutMillis = limits.timeout().toMillis();
        try {
            toWorker.writeInt(Protocol.JOB);
            toWorker.writeLong(nonceHigh);
            toWorker.writeLong(nonceLow);
            toWorker.writeLong(timeoutMillis);
            toWorker.writeLong(limits.maxOutputBytes());
            Protocol.writeString(toWorker, trustedTypes);
            Protocol.writeString(toWorker, mainClass);
            Protocol.writeString(toWorker, source);
            toWorker.flush();
        } catch (IOException e) {
            return died(); // the worker was gone before the job started: its exit status and stderr say why
        }
        CompletableFuture<JavaRun> reply = CompletableFuture.supplyAsync(() -> readResult(nonceHigh, nonceLow),
                VIRTUAL);
        try {
            JavaRun run = reply.get(timeoutMillis + GRACE_MILLIS, TimeUnit.MILLISECONDS);
            if (stderrBytes.get() > outputCap) return overflow();
            return run;
        } catch (TimeoutException e) {
            kill();
            return new JavaRun(JavaOutcome.TIMEOUT, "no result within " + (timeoutMillis + GRACE_MILLIS) + " ms wall time", 0);
        } catch (ExecutionException e) {
            return died(); // reading the result failed: the worker's exit status and stderr say why
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return new JavaRun(JavaOutcome.TIMEOUT, "interrupted", 0);
        }
    }

    private JavaRun readResult(long nonceHigh, long nonceLow) {
        try {
            int magic = fromWorker.readInt();
            if (magic != Protocol.RESULT || fromWorker.readLong() != nonceHigh || fromWorker.readLong() != nonceLow) {
                reusable = false;
                kill();
                return new JavaRun(JavaOutcome.VIOLATION, "wrote to the worker's result channel (forged or corrupted result)", 0);
            }
            JavaOutcome outcome = outcome(fromWorker.readInt());
            String detail = Protocol.readString(fromWorker);
            if (fromWorker.readBoolean()) reusable = false;
            if (outcome != JavaOutcome.PASSED && outcome != JavaOutcome.COMPILE_ERROR) reusable = false;
            return new JavaRun(outcome, detail, 0);
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("result channel closed or malformed: " + e.getMessage(), e));
        }
    }

    /** A result code of {@link Protocol}: the outcomes in declaration order. */
    private static JavaOutcome outcome(int code) {
        JavaOutcome[] all = JavaOutcome.values();
        if (code < 0 || code >= all.length) throw new IllegalArgumentException("unknown outcome code " + code);
        return all[code];
    }

    /** The worker ended without a result: say why from its exit status and stderr. */
    private JavaRun died() {
        reusable = false;
        try {
            process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        String err = stderr();
        if (stderrBytes.get() > outputCap) return overflow();
        if (err.contains("OutOfMemoryError") || err.contains("Cannot allocate memory") || err.contains("insufficient memory")) {
            return new JavaRun(JavaOutcome.MEMORY, "the worker ran out of memory: " + lastLine(err), 0);
        }
        int code = process.isAlive() ? -1 : process.exitValue();
        if (code == 128 + 24 || (code == 128 + 9 && err.isBlank())) {
            return new JavaRun(JavaOutcome.TIMEOUT, "CPU time limit (exit " + code + ")", 0);
        }
        return new JavaRun(JavaOutcome.VIOLATION, "the worker exited with code " + code
                + " during the job (System.exit, halt or crash)" + (err.isBlank() ? "" : ": " + lastLine(err)), 0);
    }

    private JavaRun overflow() {
        kill();
        return new JavaRun(JavaOutcome.OUTPUT_LIMIT, "wrote more than " + outputCap + " bytes to stderr", 0);
    }

    private int readReady() {
        try {
            return fromWorker.readInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void kill() {
        reusable = false;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainStderr() {
        byte[] buffer = new byte[8192];
        try (InputStream err = process.getErrorStream()) {
            int n;
            while ((n = err.read(buffer)) > 0) {
                long total = stderrBytes.addAndGet(n);
                synchronized (stderrTail) {
                    stderrTail.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (stderrTail.length() > 4096) stderrTail.delete(0, stderrTail.length() - 4096);
                }
                if (total > outputCap) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    return;
                }
            }
        } catch (IOException e) {
            // the worker is gone
        }
    }

    private String stderr() {
        synchronized (stderrTail) {
            return stderrTail.toString();
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        String last = lines[lines.length - 1];
        return last.length() > 300 ? last.substring(0, 300) : last;
    }
}
