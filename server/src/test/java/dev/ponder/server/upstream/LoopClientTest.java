package dev.ponder.server.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The proxy's upstream client against hand-written HTTP/1.1 servers on 127.0.0.1, on a real Netty event loop. */
@Timeout(20)
class LoopClientTest {
    private static final Duration LONG = Duration.ofSeconds(10);
    private static final List<String[]> JSON_HEADERS = List.<String[]>of(new String[] {"Content-Type", "application/json"});

    private EventLoopGroup group;
    private EventLoop loop;
    private HttpTransport transport;

    /** The event loop's I/O and its socket type: NIO here; {@link LoopClientIoUringTest} repeats every test on io_uring. */
    IoHandlerFactory handlers() { return NioIoHandler.newFactory(); }

    Class<? extends Channel> socketType() { return NioSocketChannel.class; }

    @BeforeEach
    void start() {
        group = new MultiThreadIoEventLoopGroup(1, handlers());
        loop = group.next();
        transport = new LoopClient(socketType(), Duration.ofSeconds(5)).on(loop);
    }

    @AfterEach
    void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void a_200_answer_comes_back_with_its_status_and_body() throws Exception {
        try (var server = new Server(c -> c.serveAll((req, out) -> ok(out, "{\"echo\":" + req.text() + "}")))) {
            HttpTransport.Response r = await(post(server.uri("/v1/chat/completions"), "{\"a\":1}", LONG));
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"echo\":{\"a\":1}}");
        }
    }

    @Test
    void a_host_name_is_looked_up_off_the_loop_and_answered_like_an_address() throws Exception {
        try (var server = new Server(c -> c.serveAll((req, out) -> ok(out, "{\"echo\":" + req.text() + "}")))) {
            URI byName = URI.create("http://localhost:" + server.port() + "/v1/chat/completions");
            HttpTransport.Response r = await(post(byName, "{\"a\":2}", LONG));
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"echo\":{\"a\":2}}");
        }
    }

    @Test
    void the_request_goes_out_as_a_post_with_its_target_host_length_headers_and_body() throws Exception {
        try (var server = new Server(c -> c.serveAll((req, out) -> ok(out, "{}")))) {
            List<String[]> headers = List.of(new String[] {"Content-Type", "application/json"}, new String[] {"Authorization", "Bearer sk-up"});
            await(loopPost(server.uri("/v1/chat/completions?api-version=2"), headers, "{\"model\":\"m\"}".getBytes(StandardCharsets.UTF_8), LONG));
            Request req = server.received.getFirst();
            assertThat(req.line()).isEqualTo("POST /v1/chat/completions?api-version=2 HTTP/1.1");
            assertThat(req.headers()).containsEntry("host", "127.0.0.1:" + server.port())
                    .containsEntry("content-length", "13")
                    .containsEntry("content-type", "application/json")
                    .containsEntry("authorization", "Bearer sk-up");
            assertThat(req.text()).isEqualTo("{\"model\":\"m\"}");
        }
    }

    @Test
    void a_second_request_reuses_the_kept_alive_connection() throws Exception {
        try (var server = new Server(c -> c.serveAll((req, out) -> ok(out, "{\"n\":" + req.text() + "}")))) {
            assertThat(text(await(post(server.uri("/v1/chat/completions"), "1", LONG)))).isEqualTo("{\"n\":1}");
            assertThat(text(await(post(server.uri("/v1/chat/completions"), "2", LONG)))).isEqualTo("{\"n\":2}");
            assertThat(server.connections.get()).isEqualTo(1);
            assertThat(server.requests.get()).isEqualTo(2);
        }
    }

    @Test
    void requests_in_flight_together_use_separate_connections() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        // each connection answers only once both requests have arrived: two requests on one connection would never be answered
        try (var server = new Server(c -> c.serveAll((req, out) -> {
            both.countDown();
            both.await();
            ok(out, "{}");
        }))) {
            var first = post(server.uri("/v1/chat/completions"), "1", LONG);
            var second = post(server.uri("/v1/chat/completions"), "2", LONG);
            assertThat(await(first).status()).isEqualTo(200);
            assertThat(await(second).status()).isEqualTo(200);
            assertThat(server.connections.get()).isEqualTo(2);
            // both went back to the pool: a third request opens nothing new
            assertThat(await(post(server.uri("/v1/chat/completions"), "3", LONG)).status()).isEqualTo(200);
            assertThat(server.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void a_non_2xx_answer_comes_back_with_its_headers_readable_in_any_case() throws Exception {
        try (var server = new Server(c -> c.serveAll((req, out) -> answer(out, "429 Too Many Requests",
                "{\"error\":{\"message\":\"slow down\"}}", "Retry-After: 3", "X-RateLimit-Remaining-Requests: 0")))) {
            HttpTransport.Response r = await(post(server.uri("/v1/chat/completions"), "{}", LONG));
            assertThat(r.status()).isEqualTo(429);
            assertThat(text(r)).isEqualTo("{\"error\":{\"message\":\"slow down\"}}");
            assertThat(r.headers().firstValue("retry-after")).hasValue("3");
            assertThat(r.headers().firstValue("RETRY-AFTER")).hasValue("3");
            assertThat(r.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(r.headers().firstValue("x-ratelimit-remaining-requests")).hasValue("0");
        }
    }

    @Test
    void a_kept_connection_the_server_closed_while_idle_is_replaced_and_nothing_is_sent_twice() throws Exception {
        CountDownLatch firstClosed = new CountDownLatch(1);
        try (var server = new Server(c -> {
            if (c.number == 1) {
                ok(c.out, "{\"n\":" + c.read().text() + "}"); // keep-alive by default, then the server's idle timeout closes it
                c.socket.close();
                firstClosed.countDown();
            } else {
                c.serveAll((req, out) -> ok(out, "{\"n\":" + req.text() + "}"));
            }
        })) {
            assertThat(text(await(post(server.uri("/v1/chat/completions"), "1", LONG)))).isEqualTo("{\"n\":1}");
            assertThat(firstClosed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(text(await(post(server.uri("/v1/chat/completions"), "2", LONG)))).isEqualTo("{\"n\":2}");
            assertThat(server.connections.get()).isEqualTo(2);
            assertThat(server.requests.get()).as("each request was received once").isEqualTo(2);
        }
    }

    @Test
    void a_request_written_on_a_kept_connection_the_server_dropped_is_retried_once_on_a_fresh_one() throws Exception {
        AtomicInteger bytesOnDropped = new AtomicInteger();
        try (var server = new Server(c -> {
            if (c.number == 1) {
                ok(c.out, "{\"n\":" + c.read().text() + "}");
                bytesOnDropped.set(c.in.read() < 0 ? 0 : 1); // the next request starts to arrive: drop the connection unanswered
                c.socket.setSoLinger(true, 0);
                c.socket.close();
            } else {
                c.serveAll((req, out) -> ok(out, "{\"n\":" + req.text() + "}"));
            }
        })) {
            assertThat(text(await(post(server.uri("/v1/chat/completions"), "1", LONG)))).isEqualTo("{\"n\":1}");
            assertThat(text(await(post(server.uri("/v1/chat/completions"), "2", LONG)))).isEqualTo("{\"n\":2}");
            assertThat(bytesOnDropped.get()).as("the second request went out on the kept connection first").isEqualTo(1);
            assertThat(server.connections.get()).isEqualTo(2);
            assertThat(server.requests.get()).isEqualTo(2);
        }
    }

    @Test
    void a_server_that_never_answers_fails_the_exchange_with_a_timeout() throws Exception {
        try (var server = new Server(c -> {
            c.read();
            c.awaitEnd();
        })) {
            Throwable t = failure(post(server.uri("/v1/chat/completions"), "{}", Duration.ofMillis(200)));
            assertThat(t).isInstanceOf(HttpTimeoutException.class).isNotInstanceOf(HttpConnectTimeoutException.class);
        }
    }

    @Test
    void a_timed_out_connection_is_closed_and_not_reused() throws Exception {
        CountDownLatch firstEnded = new CountDownLatch(1);
        try (var server = new Server(c -> {
            if (c.number == 1) {
                c.read();
                c.awaitEnd();
                firstEnded.countDown();
            } else {
                c.serveAll((req, out) -> ok(out, "{}"));
            }
        })) {
            assertThat(failure(post(server.uri("/v1/chat/completions"), "{}", Duration.ofMillis(200)))).isInstanceOf(HttpTimeoutException.class);
            assertThat(firstEnded.await(10, TimeUnit.SECONDS)).as("the client closed the connection it gave up on").isTrue();
            assertThat(await(post(server.uri("/v1/chat/completions"), "{}", LONG)).status()).isEqualTo(200);
            assertThat(server.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void a_response_cut_in_its_body_fails_and_is_not_retried() throws Exception {
        try (var server = new Server(c -> {
            c.read();
            write(c.out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"choices\":[");
        })) {
            Throwable t = failure(post(server.uri("/v1/chat/completions"), "{}", LONG));
            assertThat(t).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
            assertThat(server.requests.get()).isEqualTo(1);
            assertThat(server.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void a_response_cut_in_its_headers_fails() throws Exception {
        try (var server = new Server(c -> {
            c.read();
            write(c.out, "HTTP/1.1 200 OK\r\nContent-Type: appl");
        })) {
            Throwable t = failure(post(server.uri("/v1/chat/completions"), "{}", LONG));
            assertThat(t).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
            assertThat(server.requests.get()).isEqualTo(1);
        }
    }

    @Test
    void a_response_that_cannot_be_decoded_fails_and_its_connection_is_not_reused() throws Exception {
        try (var server = new Server(c -> {
            if (c.number == 1) {
                c.read();
                write(c.out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
            }
            c.serveAll((req, out) -> ok(out, "{\"fresh\":true}"));
        })) {
            Throwable t = failure(post(server.uri("/v1/chat/completions"), "{}", LONG));
            assertThat(t).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
            assertThat(text(await(post(server.uri("/v1/chat/completions"), "{}", LONG)))).isEqualTo("{\"fresh\":true}");
            assertThat(server.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void a_response_cut_on_a_kept_connection_is_not_retried_once_some_of_it_arrived() throws Exception {
        try (var server = new Server(c -> {
            ok(c.out, "{\"n\":" + c.read().text() + "}");
            c.read();
            write(c.out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"choices\":[");
        })) {
            assertThat(text(await(post(server.uri("/v1/chat/completions"), "1", LONG)))).isEqualTo("{\"n\":1}");
            Throwable t = failure(post(server.uri("/v1/chat/completions"), "2", LONG));
            assertThat(t).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
            assertThat(server.connections.get()).as("no fresh connection for a retry").isEqualTo(1);
            assertThat(server.requests.get()).isEqualTo(2);
        }
    }

    @Test
    void a_response_ended_by_closing_the_connection_is_complete() throws Exception {
        try (var server = new Server(c -> {
            c.read();
            write(c.out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"whole\":true}");
        })) {
            HttpTransport.Response r = await(post(server.uri("/v1/chat/completions"), "{}", LONG));
            assertThat(r.status()).isEqualTo(200);
            assertThat(text(r)).isEqualTo("{\"whole\":true}");
        }
    }

    @Test
    void a_chunked_response_is_read_whole() throws Exception {
        try (var server = new Server(c -> c.serveAll((req, out) -> write(out,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "6\r\n{\"a\":1\r\n" + "1\r\n}\r\n" + "0\r\n\r\n")))) {
            assertThat(text(await(post(server.uri("/v1/chat/completions"), "{}", LONG)))).isEqualTo("{\"a\":1}");
            assertThat(text(await(post(server.uri("/v1/chat/completions"), "{}", LONG)))).isEqualTo("{\"a\":1}");
            assertThat(server.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void an_interim_100_continue_is_skipped_for_the_final_answer() throws Exception {
        try (var server = new Server(c -> c.serveAll((req, out) -> {
            write(out, "HTTP/1.1 100 Continue\r\n\r\n");
            ok(out, "{\"final\":true}");
        }))) {
            HttpTransport.Response r = await(post(server.uri("/v1/chat/completions"), "{}", LONG));
            assertThat(r.status()).isEqualTo(200);
            assertThat(text(r)).isEqualTo("{\"final\":true}");
            assertThat(await(post(server.uri("/v1/chat/completions"), "{}", LONG)).status()).as("the connection stays in step").isEqualTo(200);
            assertThat(server.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void a_refused_connection_fails_with_an_io_exception() throws Exception {
        int port;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Throwable t = failure(post(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions"), "{}", LONG));
        assertThat(t).isInstanceOf(ConnectException.class).isNotInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void a_post_from_another_thread_is_sent_from_the_loop_and_completes_there() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (var server = new Server(c -> c.serveAll((req, out) -> {
            release.await(); // the answer waits until the test has attached its callback
            ok(out, "{\"late\":true}");
        }))) {
            assertThat(loop.inEventLoop()).isFalse();
            CompletionStage<HttpTransport.Response> stage = transport.post(server.uri("/v1/chat/completions"), JSON_HEADERS,
                    "{}".getBytes(StandardCharsets.UTF_8), LONG);
            AtomicReference<Thread> completedOn = new AtomicReference<>();
            CompletableFuture<HttpTransport.Response> seen = stage.toCompletableFuture().whenComplete((r, e) -> completedOn.set(Thread.currentThread()));
            release.countDown();
            assertThat(text(await(seen))).isEqualTo("{\"late\":true}");
            assertThat(loop.inEventLoop(completedOn.get())).isTrue();
        }
    }

    // ---- helpers

    /** Posts from the event loop, as the proxy does. */
    private CompletionStage<HttpTransport.Response> post(URI uri, String body, Duration timeout) throws Exception {
        return loopPost(uri, JSON_HEADERS, body.getBytes(StandardCharsets.UTF_8), timeout);
    }

    private CompletionStage<HttpTransport.Response> loopPost(URI uri, List<String[]> headers, byte[] body, Duration timeout) throws Exception {
        return loop.submit(() -> transport.post(uri, headers, body, timeout)).get(10, TimeUnit.SECONDS);
    }

    private static <T> T await(CompletionStage<T> s) throws Exception { return s.toCompletableFuture().get(10, TimeUnit.SECONDS); }

    private static Throwable failure(CompletionStage<?> s) throws Exception {
        try {
            Object r = s.toCompletableFuture().get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + r);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static String text(HttpTransport.Response r) { return new String(r.body(), StandardCharsets.UTF_8); }

    private static void ok(OutputStream out, String body) throws IOException { answer(out, "200 OK", body); }

    private static void answer(OutputStream out, String status, String body, String... headers) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append("\r\nContent-Type: application/json\r\n");
        for (String h : headers) head.append(h).append("\r\n");
        head.append("Content-Length: ").append(b.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    private static void write(OutputStream out, String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A request as the server read it; header names lower-cased. */
    record Request(String line, Map<String, String> headers, byte[] body) {
        String text() { return new String(body, StandardCharsets.UTF_8); }
    }

    @FunctionalInterface
    interface Script {
        void serve(Conn c) throws Exception;
    }

    @FunctionalInterface
    interface Answerer {
        void answer(Request req, OutputStream out) throws Exception;
    }

    /**
     * A tiny HTTP/1.1 server on 127.0.0.1: each accepted connection runs the script on its own thread, numbered from 1
     * in the order accepted. It counts connections and the requests it read whole.
     */
    static final class Server implements AutoCloseable {
        final ServerSocket listener;
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        final List<Request> received = new CopyOnWriteArrayList<>();
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        private final Script script;

        Server(Script script) throws IOException {
            this.script = script;
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.execute(this::acceptAll);
        }

        int port() { return listener.getLocalPort(); }

        URI uri(String path) { return URI.create("http://127.0.0.1:" + port() + path); }

        private void acceptAll() {
            while (!listener.isClosed()) {
                Socket s;
                try {
                    s = listener.accept();
                } catch (IOException closed) {
                    return;
                }
                sockets.add(s);
                Conn c = new Conn(this, s, connections.incrementAndGet());
                threads.execute(() -> {
                    try (s) {
                        script.serve(c);
                    } catch (Exception ignored) {
                        // the connection ends with the script
                    }
                });
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            for (Socket s : sockets) s.close();
            threads.shutdownNow();
        }
    }

    /** One accepted connection. */
    static final class Conn {
        final Server server;
        final Socket socket;
        final int number;
        final InputStream in;
        final OutputStream out;

        Conn(Server server, Socket socket, int number) {
            this.server = server;
            this.socket = socket;
            this.number = number;
            try {
                this.in = new BufferedInputStream(socket.getInputStream());
                this.out = socket.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next request, or null when the client closed the connection first. */
        Request read() throws IOException {
            String line = line();
            if (line == null) return null;
            Map<String, String> headers = new TreeMap<>();
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            Request r = new Request(line, headers, body);
            server.received.add(r);
            server.requests.incrementAndGet();
            return r;
        }

        /** Answers every request on this connection until the client closes it. */
        void serveAll(Answerer a) throws Exception {
            for (Request r = read(); r != null; r = read()) a.answer(r, out);
        }

        /** Blocks until the client closes the connection. */
        void awaitEnd() {
            try {
                while (in.read() >= 0) {
                    // drop whatever else arrives
                }
            } catch (IOException reset) {
                // ended all the same
            }
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c == '\n') {
                    String s = b.toString(StandardCharsets.US_ASCII);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                b.write(c);
            }
            return null;
        }
    }
}
