package dev.ponder.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.error.PonderException;
import dev.ponder.server.config.Transport;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Choosing the event loops' transport: the order {@code auto} tries, and falling back when one cannot start. */
class IoTest {
    // a transport that passes its availability probe but cannot start, as io_uring over a locked-memory limit
    private static final IoHandlerFactory BROKEN = executor -> {
        throw new IllegalStateException("io_uring_setup: Cannot allocate memory");
    };

    @Test
    void auto_tries_what_this_machine_offers_fastest_first_and_ends_with_nio() {
        List<Transport> order = Io.candidates(Transport.AUTO).stream().map(Io::transport).toList();
        List<Transport> expected = new ArrayList<>();
        if (IoUring.isAvailable()) expected.add(Transport.IO_URING);
        if (Epoll.isAvailable()) expected.add(Transport.EPOLL);
        expected.add(Transport.NIO);
        assertThat(order).isEqualTo(expected);
        assertThat(Io.candidates(Transport.NIO)).extracting(Io::transport).containsExactly(Transport.NIO);
    }

    @Test
    void a_transport_that_cannot_start_gives_way_to_the_next_with_a_warning_that_says_why() {
        Io nio = Io.of(Transport.NIO);
        Io broken = new Io(Transport.IO_URING, BROKEN, nio.server(), nio.socket());
        List<String> warnings = new ArrayList<>();
        Io.Started s = Io.start(List.of(broken, nio), 1, warnings::add);
        try {
            assertThat(s.io().transport()).isEqualTo(Transport.NIO);
            assertThat(warnings).singleElement().asString()
                    .contains("io_uring could not start its event loops").contains("Cannot allocate memory").contains("using nio");
        } finally {
            s.loops().shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void the_last_candidate_failing_is_an_error_naming_the_transport() {
        Io nio = Io.of(Transport.NIO);
        Io broken = new Io(Transport.EPOLL, BROKEN, nio.server(), nio.socket());
        assertThatThrownBy(() -> Io.start(List.of(broken), 1, w -> { }))
                .isInstanceOf(PonderException.class)
                .hasMessageContaining("server.transport: epoll could not start its event loops")
                .hasMessageContaining("Cannot allocate memory");
    }

    @Test
    void naming_a_transport_this_machine_lacks_is_an_error_that_says_why() {
        Assumptions.assumeFalse(IoUring.isAvailable(), "this machine has io_uring, so naming it is no error here");
        assertThatThrownBy(() -> Io.of(Transport.IO_URING)).hasMessageContaining("server.transport: io_uring is not available on this machine");
    }
}
