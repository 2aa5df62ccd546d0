package dev.ponder.server.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * The socket I/O the proxy's event loops use. {@code AUTO} takes the fastest this machine offers: io_uring (Linux
 * 5.x with io_uring allowed), then epoll (Linux), then Java NIO (anywhere).
 */
public enum Transport {
    AUTO, IO_URING, EPOLL, NIO;

    /** The config's spelling: {@code auto}, {@code io_uring}, {@code epoll}, {@code nio}. */
    public String configName() { return name().toLowerCase(Locale.ROOT); }

    /** The config's spelling read back, in any case; an unknown one is refused naming the four. */
    @JsonCreator
    public static Transport parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("transport must be auto, io_uring, epoll or nio, was \"" + s + "\"");
        }
    }
}
