package dev.ticketingwarrior.edge.reactive;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.util.AttributeKey;
import reactor.netty.Connection;

/**
 * Marks a connection whose request body Netty could not decode (a broken chunk size). Reactor Netty answers such a
 * body itself (its 400) while the application reads it; the application then finds no body, and its own answer cannot
 * go out. {@link LastResortProblemHandler} asks {@link #answered} to leave that at Netty's answer instead of logging a
 * 500.
 */
@Sharable
final class UndecodableBodies extends ChannelInboundHandlerAdapter {

    private static final AttributeKey<Boolean> UNDECODABLE_BODY = AttributeKey.valueOf("edge.undecodableBody");

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
            ctx.channel().attr(UNDECODABLE_BODY).set(Boolean.TRUE);
        }
        ctx.fireChannelRead(msg);
    }

    /** Whether {@code nativeResponse} (Reactor Netty's, under Spring's) answers a body Netty could not decode. */
    static boolean answered(Object nativeResponse) {
        return nativeResponse instanceof Connection connection
                && Boolean.TRUE.equals(
                        connection.channel().attr(UNDECODABLE_BODY).get());
    }
}
