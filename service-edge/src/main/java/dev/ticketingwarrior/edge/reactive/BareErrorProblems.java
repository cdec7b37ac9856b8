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
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives an error answer that goes out with neither a body nor a {@code Content-Type} the problem+json every other error
 * answer has, by its status. Such answers are mostly written below the application: by Reactor Netty, for a request
 * it cannot decode (a bad {@code Content-Length}, an unknown transfer coding, a broken header line or chunk size, what
 * {@link RequestHeadRules} refuses) and for a request line or header section over its limits (414, 431); by Spring's
 * adapter, for a target it cannot parse (a broken {@code %} escape); by {@link RequestHeadDeadline} (408). An error the
 * application answers without a body gets its problem too. Headers already on the answer ({@code Retry-After},
 * {@code WWW-Authenticate}) are kept.
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
        byte[] body = Problems.json(json, answer.body());
        FullHttpResponse problem = bare.replace(Unpooled.wrappedBuffer(body));
        HttpHeaders headers = problem.headers();
        // the problem's Content-Type, and its Retry-After or WWW-Authenticate unless the answer had its own
        answer.headers().forEach((name, values) -> {
            if (!headers.contains(name)) {
                headers.set(name, values);
            }
        });
        headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return problem;
    }
}
