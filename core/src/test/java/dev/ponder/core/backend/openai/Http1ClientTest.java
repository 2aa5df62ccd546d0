package dev.ponder.core.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lean client against a raw loopback server that answers each request with the next scripted response. */
class Http1ClientTest {
    private static final List<String[]> HEADERS = List.<String[]>of(new String[] {"Content-Type", "application/json"});

    /** Scripted answers; a null answer closes the connection without replying (a stale keep-alive connection). */
    private static final class Server implements AutoCloseable {
        final ServerSocket socket;
        final Queue<String> answers = new ConcurrentLinkedQueue<>();
        final AtomicInteger connections = new AtomicInteger();
        final Queue<String> bodies = new ConcurrentLinkedQueue<>();

        Server(String... script) throws Exception {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            answers.addAll(List.of(script));
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        connections.incrementAndGet();
                        Thread.ofVirtual().start(() -> serve(s));
                    } catch (Exception e) {
                        return;
                    }
                }
            });
        }

        private void serve(Socket s) {
            try (s) {
                var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = s.getOutputStream();
                while (true) {
                    int length = 0;
                    String line = in.readLine();
                    if (line == null) return;
                    while (!(line = in.readLine()).isEmpty()) {
                        if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).strip());
                    }
                    char[] body = new char[length];
                    int at = 0;
                    while (at < length) at += in.read(body, at, length - at);
                    bodies.add(new String(body));
                    String answer = answers.poll();
                    if (answer == null || answer.equals("DROP")) return;
                    out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    if (answer.contains("Connection: close")) return;
                }
            } catch (Exception e) {
                // the client went away
            }
        }

        URI uri() { return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1/chat/completions"); }

        @Override
        public void close() throws Exception { socket.close(); }
    }

    private static String fixed(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void reuses_a_keep_alive_connection_and_reads_chunked_bodies() throws Exception {
        String chunked = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nRetry-After: 2\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\n{\"a\":\r\n3;x=y\r\n42}\r\n0\r\n\r\n";
        try (var server = new Server(fixed("{\"ok\":1}"), chunked)) {
            var client = new Http1Client(Duration.ofSeconds(5));
            var first = client.post(server.uri(), HEADERS, utf8("{\"q\":1}"), Duration.ofSeconds(5));
            var second = client.post(server.uri(), HEADERS, utf8("{\"q\":2}"), Duration.ofSeconds(5));

            assertThat(first.status()).isEqualTo(200);
            assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":1}");
            assertThat(second.status()).isEqualTo(429);
            assertThat(second.headers().firstValue("retry-after")).contains("2");
            assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":42}");
            assertThat(server.connections.get()).isEqualTo(1);
            assertThat(server.bodies).containsExactly("{\"q\":1}", "{\"q\":2}");
        }
    }

    @Test
    void a_pooled_connection_the_server_dropped_is_replaced_once() throws Exception {
        try (var server = new Server(fixed("{\"n\":1}"), "DROP", fixed("{\"n\":2}"))) {
            var client = new Http1Client(Duration.ofSeconds(5));
            client.post(server.uri(), HEADERS, utf8("{}"), Duration.ofSeconds(5));
            var again = client.post(server.uri(), HEADERS, utf8("{}"), Duration.ofSeconds(5));

            assertThat(new String(again.body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":2}");
            assertThat(server.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void connection_close_is_not_pooled() throws Exception {
        String closing = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}";
        try (var server = new Server(closing, fixed("[]"))) {
            var client = new Http1Client(Duration.ofSeconds(5));
            client.post(server.uri(), HEADERS, utf8("{}"), Duration.ofSeconds(5));
            var second = client.post(server.uri(), HEADERS, utf8("{}"), Duration.ofSeconds(5));

            assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("[]");
            assertThat(server.connections.get()).isEqualTo(2);
        }
    }
}
