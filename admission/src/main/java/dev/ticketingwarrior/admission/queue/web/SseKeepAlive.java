package dev.ticketingwarrior.admission.queue.web;

import java.time.Duration;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Comment lines on a quiet event stream. A player held at the same position (a paused round, a slow rate) gets no
 * event for a long time, and proxies with an idle read timeout (CloudFront's 30 s to the origin, the ALB's 60 s) would
 * cut the stream; an SSE comment is ignored by every client but keeps bytes flowing. Every stream gets its comment on
 * one shared beat (one timer for thousands of streams, not one each), so none goes longer than {@code every} without
 * a byte.
 */
final class SseKeepAlive {

    static final String COMMENT = "keep-alive";

    private final Flux<Long> beats;

    SseKeepAlive(Duration every) {
        this.beats = Flux.interval(every, every).onBackpressureDrop().share();
    }

    /** {@code events} with a comment on each beat while the stream lives, ending when {@code events} ends. */
    <T> Flux<ServerSentEvent<T>> around(Flux<ServerSentEvent<T>> events) {
        ServerSentEvent<T> comment =
                ServerSentEvent.<T>builder().comment(COMMENT).build();
        return events.publish(stream -> Flux.merge(
                stream,
                beats.map(beat -> comment)
                        .takeUntilOther(stream.ignoreElements().then(Mono.just(true)))));
    }
}
