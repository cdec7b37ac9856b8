package dev.ticketingwarrior.edge.reactive;

import io.netty.channel.ChannelPipeline;
import java.time.Duration;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge below WebFlux, in each connection's Netty pipeline: a deadline on every request head
 * ({@link RequestHeadDeadline}), a refusal of the heads no service serves ({@link RequestHeadRules}), a mark on a
 * body Netty could not decode ({@link UndecodableBodies}) and a problem body in the error answers Reactor Netty writes
 * itself ({@link BareErrorProblems}). Pipeline order: {@code bytes, HTTP codec, problems, heads, rules, undecodable
 * bodies, Reactor Netty's traffic handler}.
 */
final class NettyEdgeCustomizer implements NettyServerCustomizer {

    private final Duration headDeadline;

    private final BareErrorProblems problems;

    private final RequestHeadRules rules = new RequestHeadRules();

    private final UndecodableBodies undecodableBodies = new UndecodableBodies();

    NettyEdgeCustomizer(Duration headDeadline, JsonMapper json) {
        this.headDeadline = headDeadline;
        this.problems = new BareErrorProblems(json);
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) == null) {
                // not HTTP/1.1 (no other protocol is configured)
                return;
            }
            RequestHeadDeadline deadline = new RequestHeadDeadline(headDeadline);
            pipeline.addBefore(NettyPipeline.HttpCodec, "edge.requestHeadBytes", deadline.bytes())
                    .addAfter(NettyPipeline.HttpCodec, "edge.bareErrorProblems", problems)
                    .addAfter("edge.bareErrorProblems", "edge.requestHeads", deadline.heads())
                    .addAfter("edge.requestHeads", "edge.requestHeadRules", rules)
                    .addAfter("edge.requestHeadRules", "edge.undecodableBodies", undecodableBodies);
        });
    }
}
