package dev.ponder.server;

import dev.ponder.server.config.Transport;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Assumptions;

/** Every {@link HttpFrontTest} on epoll, the transport the default falls back to where io_uring is not allowed. */
class HttpFrontEpollTest extends HttpFrontTest {
    @Override
    Transport transport() {
        Assumptions.assumeTrue(Epoll.isAvailable(), "epoll is not available here (not Linux)");
        return Transport.EPOLL;
    }
}
