package dev.ponder.server.config;

import java.util.Locale;

/**
 * The socket I/O the proxy's event loops use. {@code AUTO} takes the fastest this machine offers: io_uring (Linux
 * 5.x with io_uring allowed), then epoll (Linux), then Java NIO (anywhere).
 */
public enum Transport {
    AUTO, IO_URING, EPOLL, NIO;

    /** The config's spelling: {@code auto}, {@code io_uring}, {@code epoll}, {@code nio}. */
    public String configName() { return name().toLowerCase(Locale.ROOT); }

    public static Transport parse(String s, String where) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw dev.ponder.core.error.PonderException.invalid("%s: transport must be auto, io_uring, epoll or nio, was \"%s\"", where, s);
        }
    }
}
