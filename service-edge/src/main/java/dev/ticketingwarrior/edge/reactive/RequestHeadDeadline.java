package dev.ticketingwarrior.edge.reactive;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deadline on the head of a request, one per connection. Reactor Netty's own timeouts start once a request head has
 * been read, and the services' idle timeout ({@code server.netty.idle-timeout}, 130 s) let a client that trickles a
 * head hold the connection for minutes. From the first byte of each request, its head must be complete within the
 * deadline, or it is answered 408 (a problem, by {@link BareErrorProblems}) and the connection closed.
 *
 * <p>Left to the idle timeout: a connection that has said nothing yet (bot-runner opens its connections ahead of a
 * round, and they wait idle until it opens), the wait between requests on a kept-alive connection (a stray CRLF there
 * is not a head; the codec skips it), and a head whose first bytes came in the same read as the end of the request
 * before it (a pipelining client): what is seen here is reads, not where in them a head begins.
 *
 * <p>{@link #bytes()} goes before the HTTP codec (it sees a head's first bytes), {@link #heads()} after it (it sees
 * the head, decoded, and the end of the request; and the ends of the answers going out, so a 408 never goes before the
 * answer of a request read earlier). Both run on the connection's event loop, as the timer does.
 */
final class RequestHeadDeadline {

    private static final Logger log = LoggerFactory.getLogger(RequestHeadDeadline.class);

    private final long deadlineMillis;

    /** Where the 408 is written from: after the codec, so it is encoded, and below the problem writer, which fills it. */
    private ChannelHandlerContext heads;

    private ScheduledFuture<?> timer;

    /** A head has been read and its request's end not yet: what arrives is its body. */
    private boolean inRequest;

    /** Requests read whose answers have not all gone out: a 408 before them would take their place. */
    private int unanswered;

    RequestHeadDeadline(Duration deadline) {
        this.deadlineMillis = deadline.toMillis();
    }

    ChannelHandler bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (!inRequest && timer == null && msg instanceof ByteBuf bytes && !onlyLineBreaks(bytes)) {
                    arm(ctx);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                disarm();
                ctx.fireChannelInactive();
            }
        };
    }

    ChannelHandler heads() {
        return new ChannelDuplexHandler() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                heads = ctx;
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest) {
                    unanswered++;
                    disarm();
                    inRequest = true;
                }
                if (msg instanceof LastHttpContent) {
                    inRequest = false;
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                // a 100 Continue is a full answer too, but not the request's answer
                boolean informational = msg instanceof HttpResponse response
                        && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
                if (msg instanceof LastHttpContent && !informational && unanswered > 0) {
                    unanswered--;
                }
                ctx.write(msg, promise);
            }
        };
    }

    private static boolean onlyLineBreaks(ByteBuf bytes) {
        return bytes.forEachByte(b -> b == '\r' || b == '\n') == -1;
    }

    private void arm(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(this::expire, deadlineMillis, TimeUnit.MILLISECONDS);
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire() {
        timer = null;
        if (heads == null || !heads.channel().isActive()) {
            return;
        }
        if (unanswered > 0) {
            // the head of a pipelined request, behind requests still being answered: its 408 waits for their answers
            arm(heads);
            return;
        }
        log.debug("{}: request head not complete within {} ms; answered 408", heads.channel(), deadlineMillis);
        FullHttpResponse timeout = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT, Unpooled.EMPTY_BUFFER);
        timeout.headers()
                .setInt(HttpHeaderNames.CONTENT_LENGTH, 0)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        heads.writeAndFlush(timeout).addListener(ChannelFutureListener.CLOSE);
    }
}
