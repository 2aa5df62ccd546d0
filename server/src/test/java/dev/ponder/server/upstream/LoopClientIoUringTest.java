package dev.ponder.server.upstream;

import io.netty.channel.Channel;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringSocketChannel;
import org.junit.jupiter.api.Assumptions;

/** Every {@link LoopClientTest} on io_uring, the transport {@code ponder serve} runs on by default where the kernel allows it. */
class LoopClientIoUringTest extends LoopClientTest {
    @Override
    IoHandlerFactory handlers() {
        Assumptions.assumeTrue(IoUring.isAvailable(), () -> "io_uring is not available here: " + IoUring.unavailabilityCause());
        return IoUringIoHandler.newFactory();
    }

    @Override
    Class<? extends Channel> socketType() { return IoUringSocketChannel.class; }
}
