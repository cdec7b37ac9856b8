package dev.ticketingwarrior.edge.reactive;

import dev.ticketingwarrior.edge.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * An {@code Accept} header that is not a list of media types is a 406 problem here. Left to WebFlux, the problem of
 * that 406 is negotiated against the same header, fails to parse again, and the answer goes out with a problem+json
 * content type and no body.
 */
final class MalformedAcceptFilter implements WebFilter, Ordered {

    private final ProblemWriter writer;

    MalformedAcceptFilter(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 11;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (String accept : exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.ACCEPT)) {
            try {
                MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException e) {
                return writer.write(
                        exchange,
                        Problems.forStatus(
                                HttpStatus.NOT_ACCEPTABLE, "The Accept header is not a list of media types."));
            }
        }
        return chain.filter(exchange);
    }
}
