package dev.ponder.sandbox.worker;

import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Discards what code under test prints, counting it; past the cap every write throws {@link LimitExceeded}. */
final class CappedOutput extends OutputStream {

    /** Thrown into the code under test when it prints too much; an Error so that {@code catch (Exception)} misses it. */
    static final class LimitExceeded extends Error {
        private static final long serialVersionUID = 1L;

        LimitExceeded(long cap) { super("output limit of " + cap + " bytes exceeded", null, false, false); }
    }

    private final long cap;
    private final AtomicLong written = new AtomicLong();

    CappedOutput(long cap) { this.cap = cap; }

    boolean exceeded() { return written.get() > cap; }

    @Override
    public void write(int b) { count(1); }

    @Override
    public void write(byte[] b, int off, int len) { count(len); }

    private void count(int n) {
        if (written.addAndGet(n) > cap) throw new LimitExceeded(cap);
    }
}
