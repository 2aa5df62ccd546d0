package dev.ponder.server.http;

import dev.ponder.core.error.PonderException;
import dev.ponder.server.config.Transport;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A transport made concrete: the event loops' I/O handler and the channel types for the listener and upstream sockets. */
record Io(Transport transport, IoHandlerFactory handlers, Class<? extends ServerChannel> server, Class<? extends Channel> socket) {

    /** One named transport ({@code AUTO} is {@link #candidates}'s to expand); one this machine cannot run is an error that says why. */
    static Io of(Transport wanted) {
        return switch (wanted) {
            case AUTO -> candidates(wanted).getFirst();
            case IO_URING -> {
                if (!IoUring.isAvailable()) throw unavailable(wanted, IoUring.unavailabilityCause());
                yield new Io(wanted, IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class, IoUringSocketChannel.class);
            }
            case EPOLL -> {
                if (!Epoll.isAvailable()) throw unavailable(wanted, Epoll.unavailabilityCause());
                yield new Io(wanted, EpollIoHandler.newFactory(), EpollServerSocketChannel.class, EpollSocketChannel.class);
            }
            case NIO -> new Io(wanted, NioIoHandler.newFactory(), NioServerSocketChannel.class, NioSocketChannel.class);
        };
    }

    /**
     * What to try, in order: for {@code AUTO} every transport this machine offers, fastest first (one can pass the
     * availability probe and still fail to start its event loops, e.g. io_uring over a locked-memory limit); an
     * explicit choice alone.
     */
    static List<Io> candidates(Transport wanted) {
        if (wanted != Transport.AUTO) return List.of(of(wanted));
        List<Io> out = new ArrayList<>();
        if (IoUring.isAvailable()) out.add(of(Transport.IO_URING));
        if (Epoll.isAvailable()) out.add(of(Transport.EPOLL));
        out.add(of(Transport.NIO));
        return out;
    }

    /** The event loops, on the first candidate that starts; a warning names each one that did not, and why. */
    static Started start(List<Io> candidates, int threads, Consumer<String> warn) {
        for (int i = 0; ; i++) {
            Io io = candidates.get(i);
            try {
                return new Started(io, new MultiThreadIoEventLoopGroup(threads, io.handlers()));
            } catch (RuntimeException | LinkageError e) {
                if (i + 1 == candidates.size()) {
                    throw PonderException.invalid("server.transport: %s could not start its event loops: %s", io.transport().configName(), why(e));
                }
                warn.accept("ponder serve: " + io.transport().configName() + " could not start its event loops (" + why(e)
                        + "); using " + candidates.get(i + 1).transport().configName());
            }
        }
    }

    /** The failure as Netty reports it and, when it wraps one, the cause underneath (where the reason is). */
    private static String why(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root == e ? e.toString() : e.getMessage() + ": " + root;
    }

    /** Event loops running on a transport. */
    record Started(Io io, EventLoopGroup loops) {}

    private static PonderException unavailable(Transport t, Throwable why) {
        return PonderException.invalid("server.transport: %s is not available on this machine (%s); use auto, or nio",
                t.configName(), why == null ? "unknown reason" : why.getMessage());
    }
}
