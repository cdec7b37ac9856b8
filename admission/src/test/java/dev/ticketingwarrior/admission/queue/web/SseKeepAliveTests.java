package dev.ticketingwarrior.admission.queue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

class SseKeepAliveTests {

    private static final Duration EVERY = Duration.ofSeconds(15);

    @Test
    void sendsACommentAfterEachIntervalOfAQuietStream() {
        StepVerifier.withVirtualTime(() -> new SseKeepAlive(EVERY).around(Flux.<ServerSentEvent<String>>never()))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(14))
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(SseKeepAliveTests::isComment)
                .thenAwait(EVERY)
                .assertNext(SseKeepAliveTests::isComment)
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void passesEventsThroughAndEndsWhenTheEventsEnd() {
        TestPublisher<ServerSentEvent<String>> events = TestPublisher.create();
        StepVerifier.withVirtualTime(() -> new SseKeepAlive(EVERY).around(events.flux()))
                .expectSubscription()
                .then(() -> events.next(event("position")))
                .assertNext(event -> assertThat(event.event()).isEqualTo("position"))
                .thenAwait(EVERY)
                .assertNext(SseKeepAliveTests::isComment)
                .then(() -> events.next(event("admitted")))
                .assertNext(event -> assertThat(event.event()).isEqualTo("admitted"))
                .then(events::complete)
                // the comment timer stops with the stream: no comment after the end, and the stream completes
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        events.assertWasSubscribed();
    }

    @Test
    void anEventStreamThatIsAlreadyOverSendsNoComment() {
        StepVerifier.withVirtualTime(() -> new SseKeepAlive(EVERY).around(Flux.just(event("closed"))))
                .assertNext(event -> assertThat(event.event()).isEqualTo("closed"))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void streamsShareOneBeatSoALaterStreamGetsItsFirstCommentSooner() {
        TestPublisher<ServerSentEvent<String>> later = TestPublisher.create();
        StepVerifier.withVirtualTime(() -> {
                    SseKeepAlive keepAlive = new SseKeepAlive(EVERY);
                    // an earlier stream keeps the beat running; the stream under test starts 10 s into it
                    Flux<ServerSentEvent<String>> earlier = keepAlive.around(Flux.<ServerSentEvent<String>>never());
                    return earlier.take(1)
                            .thenMany(Flux.<ServerSentEvent<String>>empty())
                            .mergeWith(Mono.delay(Duration.ofSeconds(10)).thenMany(keepAlive.around(later.flux())));
                })
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(15))
                // the beat at 15 s: the earlier stream takes its comment (and stops), the later one gets its first
                .assertNext(SseKeepAliveTests::isComment)
                .thenAwait(EVERY)
                .assertNext(SseKeepAliveTests::isComment)
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    private static ServerSentEvent<String> event(String name) {
        return ServerSentEvent.builder("{}").event(name).build();
    }

    private static void isComment(ServerSentEvent<String> event) {
        assertThat(event.comment()).isEqualTo(SseKeepAlive.COMMENT);
        assertThat(event.event()).isNull();
        assertThat(event.data()).isNull();
    }
}
