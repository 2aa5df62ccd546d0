package dev.ponder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.testing.FakeOpenAiServer;
import dev.ponder.server.config.Transport;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP front byte by byte over a raw socket: pipelining, keep-alive and close, malformed requests, body limits, on
 * the default transport ({@link HttpFrontEpollTest} and {@link HttpFrontNioTest} repeat every test on the fallbacks).
 */
class HttpFrontTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_BODY = 64 * 1024; // Fixtures.config's server.max_body_bytes
    static final String CHAT = Fixtures.chat("fake-model", "what is six times seven", "");
    @TempDir Path dir;
    FakeOpenAiServer up;
    ProxyServer proxy;

    /** One response as read off the wire: status, headers (lower-case names) and body (chunks joined). */
    record Raw(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException { return JSON.readTree(body); }
    }

    /** The socket transport under test: the default (io_uring where the kernel allows it); subclasses run the others. */
    Transport transport() { return Transport.AUTO; }

    @BeforeEach
    void start() {
        up = FakeOpenAiServer.start();
        proxy = Fixtures.start(Fixtures.config(List.of(Fixtures.upstream("a", up.baseUrl())), List.of(), Optional.empty(), dir).toBuilder()
                .transport(transport()).build());
    }

    @AfterEach
    void stop() {
        proxy.close();
        up.close();
    }

    Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", proxy.port());
        s.setSoTimeout(20_000); // a safety net against a hung test, not a timing assertion
        return s;
    }

    static String post(String path, String body, String... headerLines) {
        StringBuilder b = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n");
        for (String h : headerLines) b.append(h).append("\r\n");
        return b.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n").append(body).toString();
    }

    static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends a body the server refuses part way: it may close (and reset) before it has read it all. */
    static void sendRefused(Socket s, String text) throws IOException {
        try {
            send(s, text);
        } catch (SocketException closedEarly) {
            // the answer is already on its way; read it next
        }
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) throw new IOException("the connection closed mid-line after: " + b.toString(StandardCharsets.UTF_8));
            b.write(c);
        }
        String s = b.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Reads one whole response: a Content-Length body, a chunked body, or none (1xx). */
    static Raw read(InputStream in) throws IOException {
        String status = line(in);
        assertThat(status).startsWith("HTTP/1.1 ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h; !(h = line(in)).isEmpty(); ) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        int code = Integer.parseInt(status.substring(9, 12));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size; (size = Integer.parseInt(line(in).strip(), 16)) > 0; ) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        return new Raw(code, headers, body.toString(StandardCharsets.UTF_8));
    }

    /** True when the server closed the connection: end of stream, or a reset when it closed with request bytes unread. */
    static boolean closed(InputStream in) throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    static void assertOpenAiError(Raw r, int status) throws IOException {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().get("content-type")).startsWith("application/json");
        JsonNode e = r.json().path("error");
        assertThat(e.path("message").isTextual()).as(r.body()).isTrue();
        assertThat(e.path("type").isTextual()).as(r.body()).isTrue();
    }

    @Test
    void pipelined_requests_get_their_responses_in_order_on_one_connection() throws Exception {
        try (Socket s = connect()) {
            String health = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
            send(s, health + post("/v1/chat/completions", CHAT) + health);
            InputStream in = new BufferedInputStream(s.getInputStream());
            Raw first = read(in);
            Raw second = read(in);
            Raw third = read(in);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.json().path("status").asText()).isEqualTo("ok");
            assertThat(second.status()).as(second.body()).isEqualTo(200);
            assertThat(second.json().path("choices").get(0).path("message").path("content").asText()).isEqualTo("The answer is 42.");
            assertThat(third.json().path("status").asText()).isEqualTo("ok");
            assertThat(up.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void keep_alive_is_the_default_for_http_1_1() throws Exception {
        try (Socket s = connect()) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            send(s, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(read(in).status()).isEqualTo(200);
            send(s, post("/v1/chat/completions", CHAT));
            assertThat(read(in).status()).isEqualTo(200);
        }
    }

    @Test
    void an_http_1_0_request_is_answered_then_the_connection_closes() throws Exception {
        try (Socket s = connect()) {
            send(s, "GET /health HTTP/1.0\r\n\r\n");
            InputStream in = new BufferedInputStream(s.getInputStream());
            Raw r = read(in);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("status").asText()).isEqualTo("ok");
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void connection_close_closes_after_the_response() throws Exception {
        try (Socket s = connect()) {
            send(s, post("/v1/chat/completions", CHAT, "Connection: close"));
            InputStream in = new BufferedInputStream(s.getInputStream());
            Raw r = read(in);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().get("connection")).isEqualToIgnoringCase("close");
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void a_garbage_request_line_gets_a_400_in_openai_format_and_the_connection_closes() throws Exception {
        try (Socket s = connect()) {
            send(s, "\u0001\u0002 nonsense\r\n\r\n");
            InputStream in = new BufferedInputStream(s.getInputStream());
            Raw r = read(in);
            assertOpenAiError(r, 400);
            assertThat(r.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
            assertThat(closed(in)).isTrue();
        }
    }

    @Test
    void a_malformed_header_gets_a_400_in_openai_format_and_the_connection_closes() throws Exception {
        try (Socket s = connect()) {
            send(s, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n");
            InputStream in = new BufferedInputStream(s.getInputStream());
            assertOpenAiError(read(in), 400);
            assertThat(closed(in)).isTrue();
        }
    }

    @Test
    void expect_continue_with_a_body_over_the_limit_is_refused_before_the_body_is_sent() throws Exception {
        try (Socket s = connect()) {
            send(s, "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (MAX_BODY + 1) + "\r\nExpect: 100-continue\r\n\r\n");
            InputStream in = new BufferedInputStream(s.getInputStream());
            Raw r = read(in);
            assertOpenAiError(r, 413);
            assertThat(r.json().path("error").path("message").asText()).contains("max_body_bytes").contains(String.valueOf(MAX_BODY));
            assertThat(closed(in)).isTrue();
            assertThat(up.requestCount()).isZero();
        }
    }

    @Test
    void expect_continue_with_a_small_body_gets_100_continue_then_the_answer() throws Exception {
        try (Socket s = connect()) {
            byte[] body = CHAT.getBytes(StandardCharsets.UTF_8);
            send(s, "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nExpect: 100-continue\r\n\r\n");
            InputStream in = new BufferedInputStream(s.getInputStream());
            assertThat(read(in).status()).isEqualTo(100);
            send(s, CHAT);
            Raw r = read(in);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("choices").get(0).path("message").path("content").asText()).isEqualTo("The answer is 42.");
        }
    }

    @Test
    void a_chunked_request_body_is_accepted() throws Exception {
        try (Socket s = connect()) {
            int half = CHAT.length() / 2;
            String first = CHAT.substring(0, half);
            String second = CHAT.substring(half);
            send(s, "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(first.length()) + "\r\n" + first + "\r\n"
                    + Integer.toHexString(second.length()) + "\r\n" + second + "\r\n0\r\n\r\n");
            Raw r = read(new BufferedInputStream(s.getInputStream()));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("choices").get(0).path("message").path("content").asText()).isEqualTo("The answer is 42.");
            assertThat(up.requests().getFirst().prompt()).isEqualTo("what is six times seven");
        }
    }

    @Test
    void a_body_over_the_limit_gets_a_413_in_openai_format() throws Exception {
        try (Socket s = connect()) {
            String big = Fixtures.chat("fake-model", "x".repeat(MAX_BODY), "");
            sendRefused(s, post("/v1/chat/completions", big));
            InputStream in = new BufferedInputStream(s.getInputStream());
            Raw r = read(in);
            assertOpenAiError(r, 413);
            assertThat(r.json().path("error").path("message").asText()).contains("max_body_bytes");
            assertThat(closed(in)).isTrue();
            assertThat(up.requestCount()).isZero();
        }
    }

    @Test
    void a_chunked_body_growing_over_the_limit_gets_a_413_in_openai_format() throws Exception {
        try (Socket s = connect()) {
            String piece = "x".repeat(16 * 1024);
            StringBuilder b = new StringBuilder("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < 5; i++) b.append(Integer.toHexString(piece.length())).append("\r\n").append(piece).append("\r\n");
            sendRefused(s, b.append("0\r\n\r\n").toString());
            InputStream in = new BufferedInputStream(s.getInputStream());
            Raw r = read(in);
            assertOpenAiError(r, 413);
            assertThat(r.json().path("error").path("message").asText()).contains("max_body_bytes");
            assertThat(closed(in)).isTrue();
        }
    }

    @Test
    void the_default_transport_is_the_fastest_this_machine_offers() {
        var t = proxy.transport();
        if (transport() != Transport.AUTO) assertThat(t).isEqualTo(transport());
        else if (IoUring.isAvailable()) assertThat(t).isEqualTo(Transport.IO_URING);
        else if (Epoll.isAvailable()) assertThat(t).isEqualTo(Transport.EPOLL);
        else assertThat(t).isEqualTo(Transport.NIO);
    }
}
