package dev.ponder.server.http;

import dev.ponder.core.error.PonderException;
import dev.ponder.server.config.Transport;
import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
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

/** A transport made concrete: the event loops' I/O handler and the channel types for the listener and upstream sockets. */
record Io(Transport transport, IoHandlerFactory handlers, Class<? extends ServerChannel> server, Class<? extends Channel> socket) {

    /** {@code AUTO} becomes the fastest available; an explicit choice this machine cannot run is an error that says why. */
    static Io of(Transport wanted) {
        return switch (wanted) {
            case AUTO -> IoUring.isAvailable() ? of(Transport.IO_URING) : Epoll.isAvailable() ? of(Transport.EPOLL) : of(Transport.NIO);
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

    private static PonderException unavailable(Transport t, Throwable why) {
        return PonderException.invalid("server.transport: %s is not available on this machine (%s); use auto, or nio",
                t.configName(), why == null ? "unknown reason" : why.getMessage());
    }
}
