package dev.ticketingwarrior.edge.reactive;

import dev.ticketingwarrior.edge.EdgeAutoConfiguration;
import dev.ticketingwarrior.edge.EdgeProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge of a WebFlux service: problem advice, a last-resort handler ahead of Boot's, the request deadline, the
 * body-size limit, a problem for a malformed {@code Accept}; below WebFlux, a deadline on request heads and a problem in
 * Reactor Netty's own error answers.
 */
@AutoConfiguration(
        after = EdgeAutoConfiguration.class,
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        // before Boot's own problem handler, which steps aside when a ResponseEntityExceptionHandler exists
        beforeName = {
            "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration",
            "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Import(ProblemAdvice.class)
public class ReactiveEdgeAutoConfiguration {

    @Bean
    ProblemWriter edgeProblemWriter(JsonMapper json) {
        return new ProblemWriter(json);
    }

    /** Ahead of Boot's error handler (-1), so nothing answers with its HTML or JSON error page. */
    @Bean
    @Order(-2)
    LastResortProblemHandler lastResortProblemHandler(ProblemWriter writer) {
        return new LastResortProblemHandler(writer);
    }

    @Bean
    RequestDeadlineFilter requestDeadlineFilter(EdgeProperties properties, ProblemWriter writer) {
        return new RequestDeadlineFilter(properties.requestDeadline(), writer);
    }

    @Bean
    MalformedAcceptFilter malformedAcceptFilter(ProblemWriter writer) {
        return new MalformedAcceptFilter(writer);
    }

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter(EdgeProperties properties, ProblemWriter writer) {
        return new BodySizeLimitFilter(properties.maxBodySize().toBytes(), writer);
    }

    /** What runs below WebFlux when the server is Reactor Netty (it is in both WebFlux services). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(NettyServerCustomizer.class)
    static class NettyEdgeConfiguration {

        /** The request head's deadline is the request's: no part of a request may take longer to arrive. */
        @Bean
        NettyEdgeCustomizer nettyEdgeCustomizer(EdgeProperties properties, JsonMapper json) {
            return new NettyEdgeCustomizer(properties.requestDeadline(), json);
        }
    }
}
