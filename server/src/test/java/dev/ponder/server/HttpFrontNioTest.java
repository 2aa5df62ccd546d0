package dev.ponder.server;

import dev.ponder.server.config.Transport;

/** Every {@link HttpFrontTest} on Java NIO, the transport that runs anywhere. */
class HttpFrontNioTest extends HttpFrontTest {
    @Override
    Transport transport() { return Transport.NIO; }
}
