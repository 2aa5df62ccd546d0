package dev.ponder.server.http;

import dev.ponder.core.error.PonderException;
import dev.ponder.server.api.ApiError;
import dev.ponder.server.api.ApiFailure;
import dev.ponder.server.api.ChatRequest;
import dev.ponder.server.api.MessagesParser;
import dev.ponder.server.auth.Caller;
import dev.ponder.server.auth.KeyRing;
import dev.ponder.server.calibration.Tuner;
import dev.ponder.server.catalog.Catalog;
import dev.ponder.server.chat.ChatPipeline;
import dev.ponder.server.config.Transport;
import dev.ponder.server.metrics.ProxyMetrics;
import dev.ponder.server.store.StoredCompletions;
import dev.ponder.server.telemetry.ProxyTelemetry;
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
import io.netty.util.ResourceLeakDetector;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side: Netty reads and writes HTTP/1.1 on one event loop per core (io_uring, epoll or NIO). A chat
 * completion is read where it arrives: its method checked, its caller authenticated and its body parsed once, on the
 * event loop, in its route's {@link Dialect}; then the {@link ChatPipeline} takes it, relaying a body as written from
 * that same loop and running everything that may block on a virtual thread. Other routes are served on a virtual
 * thread ({@link Routes}). No failure vanishes: each is answered in the dialect's error format, or logged when the
 * response was already under way. (Netty rather than the JDK's built-in server, whose single dispatcher thread and
 * per-exchange overhead held the proxy to a fifth of nginx's throughput; see bench/proxy.)
 */
public final class HttpFront implements AutoCloseable {
    /** The chat routes, each with its dialect. */
    private static final Map<String, Dialect> CHAT = Map.of("/v1/chat/completions", OpenAiDialect.INSTANCE,
            "/chat/completions", OpenAiDialect.INSTANCE, "/v1/completions", RelayedDialect.COMPLETIONS,
            "/v1/embeddings", RelayedDialect.EMBEDDINGS, "/v1/messages", AnthropicDialect.INSTANCE);
    private final EventLoopGroup loops;
    private final Channel listener;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final LoopClient upstreams;
    private final ChatPipeline pipeline;
    private final Routes routes;
    private final Io sockets;
    private final ProxyTelemetry telemetry; // null when off: the request path then does nothing for telemetry

    static {
        // Netty's default leak detection records a stack trace for one buffer in 128: a cost on every request path,
        // for a check that belongs in tests; -Dio.netty.leakDetection.level=... still chooses
        if (System.getProperty("io.netty.leakDetection.level") == null && System.getProperty("io.netty.leakDetectionLevel") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    public HttpFront(InetSocketAddress address, int maxBodyBytes, ChatPipeline pipeline, KeyRing keys, Catalog catalog, TraceStore traces,
                     ProxyMetrics metrics, Transport transport, Tuner tuner, StoredCompletions stored, Optional<ProxyTelemetry> telemetry) {
        this.pipeline = pipeline;
        this.telemetry = telemetry.orElse(null);
        this.routes = new Routes(keys, catalog, traces, metrics, tuner, stored);
        Io.Started started = Io.start(Io.candidates(transport), Math.max(1, Runtime.getRuntime().availableProcessors()), System.err::println);
        sockets = started.io();
        loops = started.loops();
        upstreams = new LoopClient(sockets.socket(), Duration.ofSeconds(10));
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
        } catch (Exception e) { // Netty rethrows the bind's checked exception unchecked
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            upstreams.close();
            throw new PonderException(PonderException.Kind.INVALID_INPUT, cannotListen(address, e), e);
        }
    }

    /** One line naming the address and why it cannot be listened on. */
    private static String cannotListen(InetSocketAddress address, Exception e) {
        String where = address.getHostString() + ":" + address.getPort();
        boolean inUse = e instanceof BindException || String.valueOf(e.getMessage()).contains("already in use");
        return "cannot listen on " + where + ": " + (inUse ? "port " + address.getPort() + " is already in use (another server has it?"
                + " pick another port: --port, or server.port in the config)" : String.valueOf(e.getMessage()));
    }

    /** The transport the event loops run on (never {@code AUTO}). */
    public Transport transport() { return sockets.transport(); }

    public int port() { return ((InetSocketAddress) listener.localAddress()).getPort(); }

    /** Stops listening, interrupts the routes being served, ends the event loops (and the relays on them) and the loop client. */
    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        executor.shutdownNow();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        upstreams.close();
    }

    /** A request as read, on its connection's event loop. */
    private void accept(FrontCall call, EventLoop loop) {
        // GET on the chat path lists stored completions
        Dialect dialect = call.method().equals("GET") ? null : CHAT.get(call.path());
        if (dialect != null) chat(call, dialect, loop);
        else if (call.path().equals("/v1/messages/count_tokens")) countTokens(call);
        else onThread(call);
    }

    /** Anthropic's token count of a Messages body: checked and estimated here, on the event loop (nothing in it blocks). */
    private void countTokens(FrontCall call) {
        try {
            Routes.allow(call.method(), "POST");
            routes.authenticate(call);
            Exchanges.json(call, 200, MessagesParser.countTokens(Exchanges.json(call)));
        } catch (RuntimeException e) {
            AnthropicDialect.INSTANCE.refuse(call, ApiError.of(e));
        } finally {
            call.release();
        }
    }

    /** A chat completion: checked, authenticated and parsed here, once; refused here, or handed to the pipeline. */
    private void chat(FrontCall call, Dialect dialect, EventLoop loop) {
        long started = System.nanoTime();
        String who = "unauthenticated";
        Caller caller;
        ChatRequest req;
        try {
            Routes.allow(call.method(), "POST");
            caller = routes.authenticate(call);
            who = caller.id();
            req = dialect.parse(Exchanges.json(call));
        } catch (RuntimeException e) {
            ApiError err = ApiError.of(e);
            dialect.refuse(call, err);
            pipeline.refused(who, err.status(), started);
            return;
        }
        if (telemetry == null) pipeline.submit(caller, req, dialect.reply(call, req), upstreams.on(loop));
        else telemetry.submit(pipeline, caller, req, dialect.reply(call, req), upstreams.on(loop), call.header("traceparent"), call.header("tracestate"),
                dialect.idPrefix(req));
    }

    private void onThread(FrontCall call) {
        executor.execute(() -> {
            try {
                routes.serve(call);
            } catch (RuntimeException e) {
                Exchanges.error(call, ApiError.of(e));
            } finally {
                call.release();
            }
        });
    }

    /** A request Netty could not parse (bad request line or headers): 400, then the connection closes. */
    private void malformed(FrontCall call) {
        Exchanges.error(call, ApiError.of(ApiFailure.field("request", "the HTTP request could not be parsed (request line or headers)")));
    }
}
