package dev.ticketingwarrior.edge.reactive;

import dev.ticketingwarrior.edge.problem.ProblemAnswer;
import dev.ticketingwarrior.edge.problem.Problems;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives an error answer that went out without a body the problem+json every other answer has. Reactor Netty writes such
 * answers itself, before any WebFlux handler runs: a 400 for a request head it cannot decode (a bad
 * {@code Content-Length}, an unknown transfer coding, a broken header line) or a target Spring cannot parse (a broken
 * {@code %} escape), a 414 for a request line over its limit, a 431 for a header section over its limit; and so does
 * {@link RequestHeadDeadline}'s 408. An answer the application wrote always has a {@code Content-Type}, so an error
 * answer with neither a body nor a content type is one of these.
 */
@Sharable
final class BareErrorProblems extends ChannelOutboundHandlerAdapter {

    private final JsonMapper json;

    BareErrorProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof FullHttpResponse response && isBare(response)) {
            FullHttpResponse problem = withProblem(response);
            response.release();
            ctx.write(problem, promise);
            return;
        }
        ctx.write(msg, promise);
    }

    static boolean isBare(FullHttpResponse response) {
        int status = response.status().code();
        return status >= 400
                && status < 600
                && !response.content().isReadable()
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
    }

    private FullHttpResponse withProblem(FullHttpResponse bare) {
        ProblemAnswer answer =
                ProblemAnswer.of(Problems.unreadRequest(bare.status().code()), null);
        byte[] body = json.writeValueAsString(Problems.asMap(answer.body())).getBytes(StandardCharsets.UTF_8);
        FullHttpResponse problem = bare.replace(Unpooled.wrappedBuffer(body));
        HttpHeaders headers = problem.headers();
        answer.headers().forEach((name, values) -> headers.set(name, values));
        headers.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return problem;
    }
}
