package dev.ticketingwarrior.edge.reactive;

import dev.ticketingwarrior.edge.DotSegments;
import dev.ticketingwarrior.edge.problem.Problems;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Refuses, as a request Reactor Netty could not decode (its 400, which {@link BareErrorProblems} makes a problem), the
 * request heads Reactor Netty would hand on though no service here serves them, as booking's Tomcat refuses them: an
 * HTTP version other than 1.0 and 1.1 (Netty takes {@code HTTP/1.2} and answers in it), {@code CONNECT} (no service is a
 * proxy), an HTTP/1.1 request without exactly one {@code Host} (RFC 9112 §3.2 asks for a 400), and a target with a dot
 * segment ({@link DotSegments}: Netty's routing resolves it, so a front routing {@code /api/**} would reach others).
 */
@Sharable
final class RequestHeadRules extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            String refusal = refusal(request);
            if (refusal != null) {
                request.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(refusal)));
            }
        }
        ctx.fireChannelRead(msg);
    }

    static String refusal(HttpRequest request) {
        HttpVersion version = request.protocolVersion();
        if (!version.equals(HttpVersion.HTTP_1_1) && !version.equals(HttpVersion.HTTP_1_0)) {
            return "HTTP version " + version + " is not served";
        }
        if (HttpMethod.CONNECT.equals(request.method())) {
            return "CONNECT is not served";
        }
        if (DotSegments.in(request.uri())) {
            return Problems.DOT_SEGMENT;
        }
        if (version.equals(HttpVersion.HTTP_1_1)
                && request.headers().getAll(HttpHeaderNames.HOST).size() != 1) {
            return "an HTTP/1.1 request needs exactly one Host header";
        }
        return null;
    }
}
