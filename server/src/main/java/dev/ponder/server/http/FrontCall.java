package dev.ponder.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP exchange on a connection: the request as read (method, path, headers, the whole body), and one response,
 * either a complete body or a chunked stream. It is answered from the connection's event loop (a relayed request, a
 * refusal) or from a virtual thread (everything that may block); writes go to the loop either way. A stream written
 * from a virtual thread waits while the client reads slower than the proxy writes, so a slow reader holds no unbounded
 * buffer. When the response is complete the connection is told, so it can hand over its next pipelined request.
 */
final class FrontCall {
    private static final long WRITE_WAIT_SECONDS = 60;
    // the response headers are the proxy's own constants (content type, length, connection): no need to validate each
    private static final DefaultHttpHeadersFactory OWN_HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private final Channel channel;
    private final String method;
    private final String path;
    private final String query;
    private final HttpHeaders headers;
    private final byte[] body;
    private final boolean keepAlive;
    private final Runnable done;
    private final AtomicBoolean finished = new AtomicBoolean();
    private boolean streaming;

    FrontCall(Channel channel, String method, String path, HttpHeaders headers, byte[] body, boolean keepAlive, Runnable done) {
        this(channel, method, path, "", headers, body, keepAlive, done);
    }

    /** With the request target's query (after {@code ?}, raw). */
    FrontCall(Channel channel, String method, String path, String query, HttpHeaders headers, byte[] body, boolean keepAlive, Runnable done) {
        this.channel = channel;
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.keepAlive = keepAlive;
        this.done = done;
    }

    String method() { return method; }

    String path() { return path; }

    /** The request target's query, raw (empty when there is none). */
    String query() { return query; }

    /** A request header, or null. */
    String header(String name) { return headers.get(name); }

    byte[] body() { return body; }

    /**
     * The whole response, with any extra {@code headers} (name, value pairs); false, having sent nothing, when a response
     * was already under way (the first answer wins).
     */
    boolean send(int status, String contentType, byte[] bytes, String... headers) {
        if (streaming || !finished.compareAndSet(false, true)) return false;
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(bytes), OWN_HEADERS, DefaultHttpHeadersFactory.trailersFactory());
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType.equals("application/json") ? HttpHeaderValues.APPLICATION_JSON : contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        for (int i = 0; i + 1 < headers.length; i += 2) r.headers().set(headers[i], headers[i + 1]);
        end(channel.writeAndFlush(keep(r)));
        return true;
    }

    /** Starts a chunked 200 response with these headers (name, value pairs). */
    void startStream(String... nameValues) throws IOException {
        if (finished.get()) throw new IOException("the response was already sent");
        HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        for (int i = 0; i + 1 < nameValues.length; i += 2) r.headers().set(nameValues[i], nameValues[i + 1]);
        r.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        streaming = true;
        await(channel.writeAndFlush(keep(r)));
    }

    /** One piece of a started stream, flushed at once. */
    void write(byte[] bytes) throws IOException {
        if (!streaming || finished.get()) throw new IOException("no open stream");
        await(channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes))));
    }

    /** Ends a started stream (or, when none was started, the exchange) and frees the connection for the next request. */
    void endStream() {
        if (!finished.compareAndSet(false, true)) return;
        if (!streaming) {
            done.run();
            return;
        }
        end(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    }

    /** When its handler is done: a stream still open is ended, and a handler that sent nothing at all still frees the connection. */
    void release() {
        if (finished.compareAndSet(false, true)) {
            if (streaming) end(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
            else {
                channel.close();
                done.run();
            }
        }
    }

    private HttpResponse keep(HttpResponse r) {
        HttpUtil.setKeepAlive(r, keepAlive);
        return r;
    }

    private void end(ChannelFuture f) {
        if (!keepAlive) f.addListener(ChannelFutureListener.CLOSE);
        done.run();
    }

    private void await(ChannelFuture f) throws IOException {
        if (!channel.isActive()) throw new IOException("the client closed the connection");
        if (channel.isWritable() || f.isDone()) {
            if (f.isDone() && !f.isSuccess()) throw new IOException("write failed: " + f.cause(), f.cause());
            return;
        }
        // the client reads slower than we write: wait for this write before producing more
        try {
            if (!f.await(WRITE_WAIT_SECONDS, TimeUnit.SECONDS)) throw new IOException("the client read nothing for " + WRITE_WAIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing", e);
        }
        if (!f.isSuccess()) throw new IOException("write failed: " + f.cause(), f.cause());
    }
}
