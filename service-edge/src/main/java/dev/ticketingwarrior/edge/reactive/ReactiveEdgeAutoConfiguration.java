package dev.ticketingwarrior.edge.reactive;

import dev.ticketingwarrior.edge.EdgeAutoConfiguration;
import dev.ticketingwarrior.edge.EdgeProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge of a WebFlux service: problem advice, a last-resort handler ahead of Boot's, the request deadline, the
 * body-size limit, a problem for a malformed {@code Accept}.
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
}
