package dev.ponder.server.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AsciiString;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.FastThreadLocal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * The proxy's non-blocking HTTP/1.1 client. A request goes out from the event loop that read the client's request,
 * on a keep-alive connection kept by that loop for that server, and its response is handled on the same loop: a
 * relayed request never changes threads. A pooled connection the server had closed is retried once on a fresh one
 * (nothing was received, so nothing is repeated); HTTPS verifies the server's name.
 *
 * <p>Why not Netty's own {@code io.netty.channel.pool}: a {@code SimpleChannelPool} acquire and release allocate 88 bytes a
 * request (promises, health-check futures, a concurrent deque's node; measured on Netty 4.2.18) where the per-loop
 * {@code ArrayDeque} here allocates none, and a pool per server would add a concurrent map lookup; it would also connect
 * through Netty's resolver on the loop, where this client looks names up on a virtual thread. Nor its timeout handlers:
 * {@code ReadTimeoutHandler} bounds the gaps between reads, while a request here is bounded as a whole ("no complete
 * response within"), by one timer per exchange that the answer cancels.
 */
public final class LoopClient implements AutoCloseable {
    private static final int MAX_RESPONSE = 64 * 1024 * 1024;
    private final Class<? extends Channel> socketType;
    private final Duration connectTimeout;
    private final FastThreadLocal<Map<String, ArrayDeque<Channel>>> idle = new FastThreadLocal<>() {
        @Override
        protected Map<String, ArrayDeque<Channel>> initialValue() { return new HashMap<>(); }
    };
    private volatile SslContext tls;
    private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();

    public LoopClient(Class<? extends Channel> socketType, Duration connectTimeout) {
        this.socketType = socketType;
        this.connectTimeout = connectTimeout;
    }

    private final ConcurrentHashMap<EventLoop, HttpTransport> transports = new ConcurrentHashMap<>();

    /** A transport whose requests leave from {@code loop} (and whose stages complete there); one per loop. */
    public HttpTransport on(EventLoop loop) { return transports.computeIfAbsent(loop, this::transportOn); }

    private HttpTransport transportOn(EventLoop loop) {
        return new HttpTransport() {
            @Override
            public CompletionStage<Response> post(URI uri, List<String[]> headers, byte[] body, Duration timeout) {
                CompletableFuture<Response> out = new CompletableFuture<>();
                if (loop.inEventLoop()) send(loop, uri, headers, body, timeout, out, true);
                else loop.execute(() -> send(loop, uri, headers, body, timeout, out, true));
                return out;
            }

            @Override
            public ScheduledExecutorService timer() { return loop; }
        };
    }


    private void send(EventLoop loop, URI uri, List<String[]> headers, byte[] body, Duration timeout,
                      CompletableFuture<HttpTransport.Response> out, boolean mayReuse) {
        ArrayDeque<Channel> pool = idle.get().computeIfAbsent(Target.of(uri).server(), k -> new ArrayDeque<>());
        Channel ch = null;
        while (mayReuse && ch == null && !pool.isEmpty()) {
            Channel c = pool.pollFirst();
            if (c.isActive()) ch = c;
        }
        Runnable fresh = () -> send(loop, uri, headers, body, timeout, out, false);
        if (ch != null) {
            write(ch, uri, headers, body, timeout, new Answer.Pending(out, fresh, true));
            return;
        }
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = Target.port(uri);
        SslContext ssl;
        try {
            ssl = https ? tls() : null;
        } catch (SSLException e) {
            out.completeExceptionally(e);
            return;
        }
        if (!NetUtil.isValidIpV4Address(uri.getHost()) && !NetUtil.isValidIpV6Address(uri.getHost())) {
            // a host name: looking it up may block (the JDK's resolver), so not on the loop; the JDK caches the answer
            lookups.execute(() -> {
                try {
                    InetAddress a = InetAddress.getByName(uri.getHost());
                    loop.execute(() -> connect(loop, uri, headers, body, timeout, out, pool, fresh, ssl, new InetSocketAddress(a, port)));
                } catch (IOException e) {
                    out.completeExceptionally(e);
                }
            });
            return;
        }
        connect(loop, uri, headers, body, timeout, out, pool, fresh, ssl, new InetSocketAddress(uri.getHost(), port));
    }

    private void connect(EventLoop loop, URI uri, List<String[]> headers, byte[] body, Duration timeout, CompletableFuture<HttpTransport.Response> out,
                         ArrayDeque<Channel> pool, Runnable fresh, SslContext ssl, InetSocketAddress address) {
        String server = Target.server(uri);
        int port = address.getPort();
        new Bootstrap().group(loop).channel(socketType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, Math.min(connectTimeout.toMillis(), timeout.toMillis())))
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel c) {
                        if (ssl != null) {
                            SslHandler h = ssl.newHandler(c.alloc(), uri.getHost(), port);
                            SSLParameters p = h.engine().getSSLParameters();
                            p.setEndpointIdentificationAlgorithm("HTTPS");
                            h.engine().setSSLParameters(p);
                            c.pipeline().addLast(h);
                        }
                        Answer answer = new Answer(pool);
                        c.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                answer.seen = true; // some of a response arrived: a failure now may not be retried
                                ctx.fireChannelRead(msg);
                            }
                        });
                        // the upstream's headers are read, not echoed, so they skip Netty's per-header validation
                        c.pipeline().addLast(new HttpClientCodec(new HttpDecoderConfig().setValidateHeaders(false),
                                false, false), new HttpObjectAggregator(MAX_RESPONSE), answer);
                    }
                })
                .connect(address).addListener((ChannelFutureListener) f -> {
                    if (f.isSuccess()) {
                        write(f.channel(), uri, headers, body, timeout, new Answer.Pending(out, fresh, false));
                    } else {
                        Throwable t = f.cause();
                        out.completeExceptionally(t instanceof ConnectTimeoutException
                                ? new HttpConnectTimeoutException("connect to " + server + " timed out")
                                : t instanceof IOException ? t : new IOException(t));
                    }
                });
    }

    // a backend sends the same header list with every call: its names and values encoded once, per event loop
    private static final FastThreadLocal<IdentityHashMap<List<String[]>, List<AsciiString[]>>> ASCII = new FastThreadLocal<>() {
        @Override
        protected IdentityHashMap<List<String[]>, List<AsciiString[]>> initialValue() { return new IdentityHashMap<>(); }
    };

    private static List<AsciiString[]> ascii(List<String[]> headers) {
        var cache = ASCII.get();
        var hit = cache.get(headers);
        if (hit != null) return hit;
        List<AsciiString[]> out = new ArrayList<>(headers.size());
        for (String[] h : headers) out.add(new AsciiString[] {AsciiString.of(h[0]), AsciiString.of(h[1])});
        if (cache.size() < 64) cache.put(headers, out); // lists made per call (not a backend's) are not kept
        return out;
    }

    private static void write(Channel ch, URI uri, List<String[]> headers, byte[] body, Duration timeout, Answer.Pending p) {
        Answer a = ch.pipeline().get(Answer.class);
        a.pending = p;
        a.seen = false;
        a.failure = null;
        p.timer = ch.eventLoop().schedule(() -> {
            if (a.pending == p) {
                a.pending = null;
                p.out.completeExceptionally(new HttpTimeoutException("no complete response within " + timeout));
                ch.close();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        Target target = Target.of(uri);
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, target.path(), Unpooled.wrappedBuffer(body));
        req.headers().set(HttpHeaderNames.HOST, target.host());
        for (AsciiString[] h : ascii(headers)) req.headers().add(h[0], h[1]);
        req.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        ch.writeAndFlush(req).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) ch.close(); // the close fails the pending exchange (or retries it on a fresh connection)
        });
    }

    private SslContext tls() throws SSLException {
        SslContext c = tls;
        if (c == null) {
            synchronized (this) {
                if (tls == null) tls = SslContextBuilder.forClient().build();
                c = tls;
            }
        }
        return c;
    }

    /** Stops the name lookups under way; the connections are the event loops', closed with them. */
    @Override
    public void close() { lookups.shutdownNow(); }
}
