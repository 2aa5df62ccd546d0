package dev.ponder.cli;

/**
 * A command that ends with a code of its own and one line saying why: 3 when every call of a run failed (the server is
 * down, refuses the key, ...), so a script can tell a dead backend from a bad answer. Codes: 0 done, 1 failure,
 * 2 bad input, 3 every call failed, 130 interrupted.
 */
public final class Exit extends RuntimeException {
    public static final int ALL_CALLS_FAILED = 3;

    private final int code;

    public Exit(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public int code() { return code; }
}
