package dev.ticketingwarrior.botrunner.web;

import dev.ticketingwarrior.shared.problem.ProblemType;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a body whose declared length is over the limit (SPEC §9: 16 KB) with 413 before a byte of it is read, and
 * closes that connection (its unread rest cannot be followed by another request). A chunked body that grows past the
 * limit is stopped by the codecs' {@code max-in-memory-size} instead, mapped to 413 by {@link ProblemAdvice}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter implements WebFilter {

    static final long LIMIT = 16 * 1024;

    private final JsonMapper json;

    BodySizeLimitFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() <= LIMIT) {
            return chain.filter(exchange);
        }
        ProblemDetail problem =
                Problems.detail(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + LIMIT + " bytes.");
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        String instance = ProblemAdvice.instance(exchange).map(Object::toString).orElse(null);
        byte[] body = json.writeValueAsString(Problems.asMap(problem, instance)).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
