package dev.ponder.server.http;

import dev.ponder.server.api.ApiFailure;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.concurrent.TimeUnit;

/**
 * Collects a request's body up to the limit; past it (declared or sent) the client gets a 413 in OpenAI's error
 * format naming the limit and its config key, and the connection closes, since the rest of the body is unread.
 */
final class BodyLimit extends HttpObjectAggregator {
    private static final long LINGER_SECONDS = 2;
    private final int limit;

    BodyLimit(int limit) {
        super(limit, true);
        this.limit = limit;
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        if (HttpUtil.is100ContinueExpected(start) && isContentLengthInvalid(start, maxContentLength)) {
            start.headers().remove(HttpHeaderNames.EXPECT);
            return tooLarge();
        }
        return super.newContinueResponse(start, maxContentLength, pipeline);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        // a lingering close, as nginx does: closing at once while the client still sends its body would reset the
        // connection and the client would never read the 413; so end our side, keep reading (and dropping) what comes,
        // and close when the client does or after a grace period
        ctx.writeAndFlush(tooLarge()).addListener((ChannelFutureListener) f -> {
            if (f.channel() instanceof DuplexChannel d) d.shutdownOutput();
            else f.channel().close();
            f.channel().eventLoop().schedule(() -> { f.channel().close(); }, LINGER_SECONDS, TimeUnit.SECONDS);
        });
    }

    private FullHttpResponse tooLarge() {
        byte[] body = Exchanges.errorBytes(ApiFailure.status(413, "request_too_large", "the request body is larger than the limit of "
                + limit + " bytes (server.max_body_bytes in the config)").withParam("body"));
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json").setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return r;
    }
}
