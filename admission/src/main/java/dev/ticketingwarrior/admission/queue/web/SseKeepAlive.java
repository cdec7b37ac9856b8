package dev.ticketingwarrior.admission.queue.web;

import java.time.Duration;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Comment lines on a quiet event stream. A player held at the same position (a paused round, a slow rate) gets no
 * event for a long time, and proxies with an idle read timeout (CloudFront's 30 s to the origin, the ALB's 60 s) would
 * cut the stream; an SSE comment is ignored by every client but keeps bytes flowing.
 */
final class SseKeepAlive {

    static final String COMMENT = "keep-alive";

    private SseKeepAlive() {}

    /** {@code events} with a comment after each {@code every} of the stream's life, ending when {@code events} ends. */
    static <T> Flux<ServerSentEvent<T>> around(Flux<ServerSentEvent<T>> events, Duration every) {
        ServerSentEvent<T> comment =
                ServerSentEvent.<T>builder().comment(COMMENT).build();
        return events.publish(stream -> Flux.merge(
                stream,
                Flux.interval(every, every)
                        .onBackpressureDrop()
                        .map(tick -> comment)
                        .takeUntilOther(stream.ignoreElements().then(Mono.just(true)))));
    }
}
