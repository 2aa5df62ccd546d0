package dev.ponder.server.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One client connection: each complete request becomes a {@link FrontCall}, handed to the front on the event loop, one at
 * a time, so pipelined requests are answered in the order they came. State is touched only on the connection's event loop.
 */
final class Connection extends ChannelInboundHandlerAdapter {
    private final Executor handlers;
    private final Consumer<FrontCall> handler;
    private final Consumer<FrontCall> malformed;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;

    Connection(Executor handlers, Consumer<FrontCall> handler, Consumer<FrontCall> malformed) {
        this.handlers = handlers;
        this.handler = handler;
        this.malformed = malformed;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (busy) waiting.add(req);
        else start(ctx, req);
    }

    private void start(ChannelHandlerContext ctx, FullHttpRequest req) {
        busy = true;
        FrontCall call;
        boolean bad = req.decoderResult().isFailure();
        try {
            String path = path(req.uri());
            call = new FrontCall(ctx.channel(), req.method().name(), path, req.uri().length() > path.length() && req.uri().charAt(path.length()) == '?'
                    ? req.uri().substring(path.length() + 1) : "", req.headers(), ByteBufUtil.getBytes(req.content()),
                    !bad && HttpUtil.isKeepAlive(req), () -> freed(ctx));
        } finally {
            req.release();
        }
        if (bad) {
            handlers.execute(() -> {
                try {
                    malformed.accept(call);
                } finally {
                    call.release();
                }
            });
        } else {
            handler.accept(call); // on this event loop: the handler answers at once or hands the call to a thread that may block
        }
    }

    /** The request target's path: before any query or fragment (routes are plain ASCII, so nothing to decode). */
    static String path(String uri) {
        int end = uri.length();
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        return end == uri.length() ? uri : uri.substring(0, end);
    }

    /**
     * Frees the connection for its next request, on its event loop. A handler thread can finish its response just as the
     * proxy closes (the client has its answer and shuts the proxy down): the loop is gone then, and so is any next request.
     */
    private void freed(ChannelHandlerContext ctx) {
        try {
            ctx.executor().execute(() -> next(ctx));
        } catch (RejectedExecutionException e) {
            // closing: the response went out and nothing more will be read on this connection
        }
    }

    private void next(ChannelHandlerContext ctx) {
        busy = false;
        FullHttpRequest req = waiting.poll();
        if (req != null) {
            if (ctx.channel().isActive()) start(ctx, req);
            else req.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        for (FullHttpRequest r; (r = waiting.poll()) != null; ) r.release();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a reset or a protocol error on this connection: nothing to answer
    }
}
