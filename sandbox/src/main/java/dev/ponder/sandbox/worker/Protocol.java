package dev.ponder.sandbox.worker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The framing between the host and a sandboxed worker (binary, on the worker's stdin and stdout). Each job carries a
 * random nonce that the result must echo, so code under test that writes to the worker's stdout cannot forge a
 * result; a malformed frame makes the host discard the worker.
 */
public final class Protocol {

    public static final int READY = 0x504f4e44;
    public static final int JOB = 0x4a4f4221;
    public static final int RESULT = 0x52534c54;
    public static final int MAX_STRING = 4 << 20;

    /** Result codes, in the order of {@code JavaOutcome}. */
    public static final int PASSED = 0, FAILED = 1, COMPILE_ERROR = 2, TIMEOUT = 3, MEMORY = 4, OUTPUT_LIMIT = 5,
            VIOLATION = 6;

    private Protocol() {}

    public static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING) throw new IOException("bad string length " + n);
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
