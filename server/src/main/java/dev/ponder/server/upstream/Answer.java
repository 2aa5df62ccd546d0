package dev.ponder.server.upstream;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/** The end of a {@link LoopClient} connection's pipeline: completes the pending exchange, then pools the connection or closes it. */
final class Answer extends SimpleChannelInboundHandler<FullHttpResponse> {
    private static final int MAX_IDLE_PER_SERVER = 256;
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);
    private final ArrayDeque<Channel> pool;
    Pending pending;
    boolean seen;
    Throwable failure;

    Answer(ArrayDeque<Channel> pool) { this.pool = pool; }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse r) {
        // an interim answer (100 Continue, 103 Early Hints) may come before the final one, asked for or not
        if (r.status().codeClass() == HttpStatusClass.INFORMATIONAL && r.status().code() != 101 && r.decoderResult().isSuccess()) return;
        Pending p = pending;
        pending = null;
        if (p == null) {
            ctx.close(); // an answer nobody asked for: the connection is out of step
            return;
        }
        p.timer.cancel(false);
        if (r.decoderResult().isFailure()) {
            // cut in its headers, a bad chunk, headers too long: Netty hands on what it had, marked failed; it is no
            // answer, and the decoder skips all that follows, so the connection is not kept either
            ctx.close();
            Throwable why = r.decoderResult().cause();
            p.out.completeExceptionally(new IOException("unreadable response: " + why, why));
            return;
        }
        int status = r.status().code();
        HttpHeaders headers = status / 100 == 2 ? NO_HEADERS : headers(r);
        byte[] body = ByteBufUtil.getBytes(r.content());
        if (HttpUtil.isKeepAlive(r) && ctx.channel().isActive() && pool.size() < MAX_IDLE_PER_SERVER) pool.offerFirst(ctx.channel());
        else ctx.close();
        p.out.complete(new HttpTransport.Response(status, headers, body));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Pending p = pending;
        pending = null;
        if (p != null) {
            p.timer.cancel(false);
            if (p.reused && !seen) {
                p.retryFresh.run(); // a kept connection the server had closed: nothing was received, so nothing repeats
            } else {
                String why = failure == null ? "the server closed the connection before answering" : failure.toString();
                p.out.completeExceptionally(failure instanceof IOException io ? io : new IOException(why, failure));
            }
        }
        pool.remove(ctx.channel());
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failure = cause;
        ctx.close(); // the pending exchange is settled when the connection is gone
    }

    private static HttpHeaders headers(FullHttpResponse r) {
        Map<String, List<String>> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, String> e : r.headers()) m.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        return HttpHeaders.of(m, (a, b) -> true);
    }

/** One exchange in flight on a connection. */
static final class Pending {
    final CompletableFuture<HttpTransport.Response> out;
    final Runnable retryFresh;
    final boolean reused;
    ScheduledFuture<?> timer;

    Pending(CompletableFuture<HttpTransport.Response> out, Runnable retryFresh, boolean reused) {
        this.out = out;
        this.retryFresh = retryFresh;
        this.reused = reused;
    }
}
}
