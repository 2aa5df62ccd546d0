// The floor for a JVM proxy, for the proxy benchmark: the same event-loop design as `ponder serve`'s relay (Netty
// server, per-loop keep-alive upstream connections, the answer written from the loop that read the request) with none
// of Ponder's work (no JSON, budget, ledger, metrics or trace). Run with the source launcher and Ponder's jar:
//   java -cp cli/target/ponder.jar bench/proxy/BareRelay.java PORT UPSTREAM_PORT
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayDeque;

public class BareRelay {
    static final AttributeKey<ChannelHandlerContext> CLIENT = AttributeKey.valueOf("client");
    static final FastThreadLocal<ArrayDeque<Channel>> IDLE = new FastThreadLocal<>() {
        @Override
        protected ArrayDeque<Channel> initialValue() { return new ArrayDeque<>(); }
    };
    static int upstreamPort;
    static boolean epoll, uring;

    public static void main(String[] args) throws Exception {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        int port = Integer.parseInt(args[0]);
        upstreamPort = Integer.parseInt(args[1]);
        // the same transport choice as ponder serve's default: io_uring, else epoll, else NIO
        uring = io.netty.channel.uring.IoUring.isAvailable();
        epoll = !uring && Epoll.isAvailable();
        var group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                uring ? io.netty.channel.uring.IoUringIoHandler.newFactory() : epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        new ServerBootstrap().group(group).channel(uring ? io.netty.channel.uring.IoUringServerSocketChannel.class
                        : epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096).childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Front());
                    }
                }).bind("127.0.0.1", port).sync();
        System.out.println("bare relay on " + port + " to " + upstreamPort + (uring ? " (io_uring)" : epoll ? " (epoll)" : " (nio)"));
    }

    static final class Front extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            ByteBuf body = req.content().retain();
            Channel up = IDLE.get().pollFirst();
            while (up != null && !up.isActive()) up = IDLE.get().pollFirst();
            if (up != null) {
                send(ctx, up, body);
                return;
            }
            new Bootstrap().group(ctx.channel().eventLoop()).channel(uring ? io.netty.channel.uring.IoUringSocketChannel.class : epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 24), new Back());
                        }
                    })
                    .connect("127.0.0.1", upstreamPort).addListener((ChannelFutureListener) f -> {
                        if (f.isSuccess()) send(ctx, f.channel(), body);
                        else {
                            body.release();
                            ctx.close();
                        }
                    });
        }

        static void send(ChannelHandlerContext client, Channel up, ByteBuf body) {
            up.attr(CLIENT).set(client);
            FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v1/chat/completions", body);
            r.headers().set(HttpHeaderNames.HOST, "127.0.0.1").set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            up.writeAndFlush(r);
        }
    }

    static final class Back extends SimpleChannelInboundHandler<FullHttpResponse> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse answer) {
            ChannelHandlerContext client = ctx.channel().attr(CLIENT).getAndSet(null);
            byte[] bytes = ByteBufUtil.getBytes(answer.content());
            IDLE.get().offerFirst(ctx.channel());
            if (client == null) return;
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(bytes));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json").setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
            client.writeAndFlush(r);
        }
    }
}
