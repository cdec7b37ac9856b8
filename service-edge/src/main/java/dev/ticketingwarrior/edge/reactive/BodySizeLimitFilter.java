package dev.ticketingwarrior.edge.reactive;

import dev.ticketingwarrior.edge.problem.Problems;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit with 413: at once when Content-Length says so, and while reading when a
 * chunked body grows past it, before anything is buffered or decoded.
 */
final class BodySizeLimitFilter implements WebFilter, Ordered {

    private final long limit;
    private final ProblemWriter writer;

    BodySizeLimitFilter(long limit, ProblemWriter writer) {
        this.limit = limit;
        this.writer = writer;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return writer.write(exchange, Problems.tooLarge(limit));
        }
        if (declared >= 0) {
            // the declared length is within the limit and the server reads no more than it
            return chain.filter(exchange);
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    try {
                        if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                            sink.error(new BodyTooLargeException(limit));
                        } else {
                            sink.next(onHeap(buffer));
                        }
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    /**
     * The chunk as a heap buffer that owns no server memory. When the body is cut off, the chunks already passed on
     * are discarded by every discard hook downstream (the decoder's join and the response writer's): a no-op for a
     * heap buffer, but on Reactor Netty the second release of a chunk takes a reference that the socket buffer it is
     * a slice of still holds, and Netty later fails releasing that buffer ({@code IllegalReferenceCountException}).
     */
    private static DataBuffer onHeap(DataBuffer chunk) {
        byte[] bytes = new byte[chunk.readableByteCount()];
        chunk.read(bytes);
        return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
    }
}
