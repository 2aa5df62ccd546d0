package dev.ponder.core.backend.openai;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One keep-alive HTTP/1.1 connection (plain or TLS with host-name verification), used by one caller at a time:
 * the request goes out in one write, the response is read whole (Content-Length, chunked, or to the end).
 */
final class Http1Connection implements AutoCloseable {
    private static final int MAX_LINE = 64 * 1024;
    private final Socket socket;
    private final InputStream in;
    // our own read buffer: BufferedInputStream takes a lock on every read() call, and the head is read byte by byte
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int lim;
    private final OutputStream out;
    private boolean reusable = true;

    record Response(int status, HttpHeaders headers, byte[] body) { }

    /** The response before any byte of it arrived: a stale pooled connection may be retried on a fresh one. */
    static final class NothingReceived extends IOException {
        NothingReceived(String message, Throwable cause) { super(message, cause); }
    }

    Http1Connection(URI uri, int connectTimeoutMillis) throws IOException {
        boolean tls = uri.getScheme().equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            try {
                s.connect(new InetSocketAddress(uri.getHost(), port), connectTimeoutMillis);
            } catch (SocketTimeoutException e) {
                throw new HttpConnectTimeoutException("connect to " + uri.getHost() + ":" + port + " timed out");
            }
            if (tls) {
                SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(s, uri.getHost(), port, true);
                SSLParameters p = ssl.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(p);
                ssl.setSoTimeout(connectTimeoutMillis);
                ssl.startHandshake();
                s = ssl;
            }
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        this.socket = s;
        this.in = s.getInputStream();
        this.out = s.getOutputStream();
    }

    boolean reusable() { return reusable && !socket.isClosed(); }

    /** Sends the request and reads the whole response before {@code deadlineNanos} (System.nanoTime). */
    Response exchange(byte[] request, long deadlineNanos) throws IOException {
        try {
            int first;
            try {
                out.write(request);
                out.flush();
                timeout(deadlineNanos);
                first = read();
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                throw new NothingReceived("the connection failed before the response: " + e.getMessage(), e);
            }
            if (first < 0) throw new NothingReceived("the server closed the connection", new EOFException());
            String status = (char) first + line();
            String[] parts;
            int code;
            Map<String, List<String>> headers;
            while (true) {
                parts = status.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) throw new IOException("not an HTTP/1.x status line: " + status);
                code = Integer.parseInt(parts[1]);
                headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (String h = line(); !h.isEmpty(); h = line()) {
                    int colon = h.indexOf(':');
                    if (colon <= 0) throw new IOException("malformed header line: " + h);
                    headers.computeIfAbsent(h.substring(0, colon).strip(), k -> new ArrayList<>()).add(h.substring(colon + 1).strip());
                }
                if (code / 100 != 1) break;
                status = line(); // an interim 1xx response: the real one follows
            }
            HttpHeaders hh = HttpHeaders.of(headers, (a, b) -> true);
            String connection = hh.firstValue("connection").orElse("").toLowerCase(Locale.ROOT);
            if (connection.contains("close") || parts[0].equals("HTTP/1.0") && !connection.contains("keep-alive")) reusable = false;
            byte[] body = body(code, hh, deadlineNanos);
            return new Response(code, hh, body);
        } catch (SocketTimeoutException e) {
            reusable = false;
            throw new HttpTimeoutException("request timed out");
        } catch (IOException | RuntimeException e) {
            reusable = false;
            throw e;
        }
    }

    private byte[] body(int code, HttpHeaders h, long deadline) throws IOException {
        if (code == 204 || code == 304) return new byte[0];
        if (h.firstValue("transfer-encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            while (true) {
                timeout(deadline);
                String size = line();
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
                if (n == 0) {
                    while (!line().isEmpty()) { } // trailers
                    return buf.toByteArray();
                }
                buf.write(exactly(n, deadline));
                if (!line().isEmpty()) throw new IOException("malformed chunk end");
            }
        }
        var length = h.firstValue("content-length");
        if (length.isPresent()) return exactly(Integer.parseInt(length.get().strip()), deadline);
        reusable = false;
        timeout(deadline);
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        rest.write(buf, pos, lim - pos);
        pos = lim;
        in.transferTo(rest);
        return rest.toByteArray();
    }

    private byte[] exactly(int n, long deadline) throws IOException {
        byte[] b = new byte[n];
        int at = Math.min(n, lim - pos);
        System.arraycopy(buf, pos, b, 0, at);
        pos += at;
        while (at < n) {
            timeout(deadline);
            int r = in.read(b, at, n - at);
            if (r < 0) throw new EOFException("the response body ended after " + at + " of " + n + " bytes");
            at += r;
        }
        return b;
    }

    /** One head line (without CR LF), as ISO-8859-1. */
    private String line() throws IOException {
        StringBuilder long_ = null;
        while (true) {
            for (int i = pos; i < lim; i++) {
                if (buf[i] != '\n') continue;
                int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                String piece = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                pos = i + 1;
                if (long_ == null) return piece;
                long_.append(piece);
                int n = long_.length();
                if (n > 0 && long_.charAt(n - 1) == '\r' && end == i) long_.setLength(n - 1);
                return long_.toString();
            }
            if (long_ == null) long_ = new StringBuilder(128);
            long_.append(new String(buf, pos, lim - pos, StandardCharsets.ISO_8859_1));
            pos = lim;
            if (long_.length() > MAX_LINE) throw new IOException("response line longer than " + MAX_LINE + " bytes");
            if (fill() < 0) throw new EOFException("the connection closed inside the response head");
        }
    }

    private int read() throws IOException {
        if (pos == lim && fill() < 0) return -1;
        return buf[pos++] & 0xff;
    }

    private int fill() throws IOException {
        pos = 0;
        lim = 0;
        int r = in.read(buf, 0, buf.length);
        if (r > 0) lim = r;
        return r;
    }

    private void timeout(long deadlineNanos) throws IOException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) throw new SocketTimeoutException("deadline passed");
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
    }

    static byte[] head(String method, URI uri, List<String[]> headers, int bodyLength) {
        StringBuilder sb = new StringBuilder(256).append(method).append(' ')
                .append(uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) sb.append('?').append(uri.getRawQuery());
        sb.append(" HTTP/1.1\r\nHost: ").append(uri.getHost());
        if (uri.getPort() > 0) sb.append(':').append(uri.getPort());
        sb.append("\r\n");
        for (String[] h : headers) sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
        sb.append("Content-Length: ").append(bodyLength).append("\r\n\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        reusable = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
