package dev.ticketingwarrior.admission.web;

import dev.ticketingwarrior.admission.config.AdmissionProperties;
import dev.ticketingwarrior.shared.problem.ProblemType;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit (SPEC §9: 16 KB) with 413: at once when Content-Length says so, and while
 * reading when a chunked body grows past it, before anything is buffered or decoded.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter implements WebFilter {

    private final long limit;
    private final ProblemWriter writer;

    BodySizeLimitFilter(AdmissionProperties properties, ProblemWriter writer) {
        this.limit = properties.admission().maxBodySize().toBytes();
        this.writer = writer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return writer.write(
                    exchange,
                    Problems.detail(
                            ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + limit + " bytes."),
                    null);
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new PayloadTooLargeException(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }
}
