package dev.ponder.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.error.PonderException;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.api.ChatRequestParser;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.auth.KeyRing;
import dev.ponder.server.catalog.Catalog;
import dev.ponder.server.chat.ChatService;
import dev.ponder.server.chat.Reply;
import dev.ponder.server.config.Transport;
import dev.ponder.server.metrics.ProxyMetrics;
import dev.ponder.server.trace.TraceStore;
import dev.ponder.server.upstream.LoopClient;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP side: Netty reads and writes HTTP/1.1 on one event loop per core (io_uring, epoll or NIO). A chat completion
 * that can be relayed without blocking is relayed from the loop that read it ({@link ChatService#completeWithoutBlocking});
 * every other request is handled on its own virtual thread, where the strategy engine may block on upstream calls, and
 * any body it relays still goes out on its connection's loop. Routes, authentication and the one place where failures
 * become OpenAI-format errors live here. (Netty rather than the JDK's built-in server, whose single dispatcher thread
 * and per-exchange overhead held the proxy to a fifth of nginx's throughput; see bench/proxy.)
 */
public final class HttpFront implements AutoCloseable {
    private final EventLoopGroup loops;
    private final Channel listener;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final LoopClient upstreams;
    private final ChatService chat;
    private final KeyRing keys;
    private final Catalog catalog;
    private final TraceStore traces;
    private final ProxyMetrics metrics;
    private final Io sockets;

    static {
        // Netty's default leak detection records a stack trace for one buffer in 128: a cost on every request path,
        // for a check that belongs in tests; -Dio.netty.leakDetection.level=... still chooses
        if (System.getProperty("io.netty.leakDetection.level") == null && System.getProperty("io.netty.leakDetectionLevel") == null) {
            io.netty.util.ResourceLeakDetector.setLevel(io.netty.util.ResourceLeakDetector.Level.DISABLED);
        }
    }

    public HttpFront(InetSocketAddress address, int maxBodyBytes, ChatService chat, KeyRing keys, Catalog catalog, TraceStore traces,
                     ProxyMetrics metrics, Transport transport) {
        this.chat = chat;
        this.keys = keys;
        this.catalog = catalog;
        this.traces = traces;
        this.metrics = metrics;
        Io.Started started = Io.start(Io.candidates(transport), Math.max(1, Runtime.getRuntime().availableProcessors()), System.err::println);
        sockets = started.io();
        loops = started.loops();
        upstreams = new LoopClient(sockets.socket(), java.time.Duration.ofSeconds(10));
        try {
            listener = new ServerBootstrap().group(loops).channel(sockets.server())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new BodyLimit(maxBodyBytes),
                                    new Connection(executor, call -> accept(call, ch.eventLoop()), HttpFront.this::malformed));
                        }
                    })
                    .bind(address).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            loops.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
            throw new PonderException(PonderException.Kind.INVALID_INPUT, "cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    /** The transport the event loops run on (never {@code AUTO}). */
    public Transport transport() { return sockets.transport(); }

    public int port() { return ((InetSocketAddress) listener.localAddress()).getPort(); }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        executor.shutdownNow();
        loops.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        chat.close();
    }

    /**
     * A request as read, on its connection's event loop. A chat completion that can be relayed without blocking is
     * parsed and sent upstream from here (see {@link ChatService#completeWithoutBlocking}); everything else, and every
     * refusal, is handled on a virtual thread.
     */
    private void accept(Call call, EventLoop loop) {
        if (call.method().equals("POST") && (call.path().equals("/v1/chat/completions") || call.path().equals("/chat/completions"))) {
            try {
                Caller caller = authenticate(call);
                ChatRequest req = ChatRequestParser.parse(Exchanges.json(call));
                if (chat.completeWithoutBlocking(caller, req, new JsonReply(call), upstreams.on(loop))) return;
                onThread(call, () -> chat.complete(caller, req, req.stream() ? new SseReply(call, req.model(), req.includeUsage()) : new JsonReply(call),
                        upstreams.on(loop)));
                return;
            } catch (RuntimeException refused) {
                // the blocking path answers it again, with the same error, and counts it
            }
        }
        onThread(call, () -> handle(call, loop));
    }

    private void onThread(Call call, Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                Exchanges.error(call, ApiError.of(e));
            } finally {
                call.release();
            }
        });
    }

    /** A request Netty could not parse (bad request line or headers): 400, then the connection closes. */
    private void malformed(Call call) {
        Exchanges.error(call, ApiError.of(ApiFailure.field("request", "the HTTP request could not be parsed (request line or headers)")));
    }

    private void handle(Call ex, EventLoop loop) {
        try {
            route(ex, loop);
        } catch (RuntimeException e) {
            Exchanges.error(ex, ApiError.of(e)); // ignored when a response was already under way
        }
    }

    private void route(Call ex, EventLoop loop) {
        String path = ex.path();
        String method = ex.method();
        if (path.equals("/v1/chat/completions") || path.equals("/chat/completions")) {
            long started = System.nanoTime();
            String who = "unauthenticated";
            try {
                allow(method, "POST");
                Caller caller = authenticate(ex);
                who = caller.id();
                completions(ex, caller, loop);
            } catch (RuntimeException e) {
                // refused before the chat service saw it (method, key, body): still counted
                metrics.request("none", who, ApiError.of(e).status(), java.time.Duration.ofNanos(System.nanoTime() - started));
                throw e;
            }
        } else if (path.equals("/v1/models") || path.equals("/models")) {
            allow(method, "GET");
            authenticate(ex);
            models(ex);
        } else if (path.startsWith("/v1/ponder/traces/")) {
            allow(method, "GET");
            Exchanges.json(ex, 200, traces.get(path.substring("/v1/ponder/traces/".length()), authenticate(ex)));
        } else if (path.equals("/health")) {
            allow(method, "GET");
            ObjectNode h = Exchanges.JSON.createObjectNode().put("status", "ok").put("models", catalog.models().size());
            Exchanges.json(ex, 200, h);
        } else if (path.equals("/metrics")) {
            allow(method, "GET");
            Exchanges.send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape().getBytes(StandardCharsets.UTF_8));
        } else {
            throw ApiFailure.of(PonderException.Kind.NOT_FOUND, "unknown_route", "no route " + method + " " + path
                    + "; this proxy serves POST /v1/chat/completions, GET /v1/models, GET /v1/ponder/traces/{id}, GET /health, GET /metrics");
        }
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw ApiFailure.status(405, "method_not_allowed", "method " + method + " is not allowed here; use " + allowed);
        }
    }

    private Caller authenticate(Call ex) {
        return keys.authenticate(Optional.ofNullable(ex.header("Authorization")));
    }

    private void completions(Call ex, Caller caller, EventLoop loop) {
        ChatRequest req = ChatRequestParser.parse(Exchanges.json(ex));
        Reply reply = req.stream() ? new SseReply(ex, req.model(), req.includeUsage()) : new JsonReply(ex);
        chat.complete(caller, req, reply, upstreams.on(loop));
    }

    private void models(Call ex) {
        ObjectNode root = Exchanges.JSON.createObjectNode().put("object", "list");
        var data = root.putArray("data");
        for (String id : catalog.ids()) data.addObject().put("id", id).put("object", "model").put("created", 0).put("owned_by", "ponder");
        Exchanges.json(ex, 200, root);
    }
}
