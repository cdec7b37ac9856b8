package dev.ticketingwarrior.admission.queue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

class SseKeepAliveTests {

    private static final Duration EVERY = Duration.ofSeconds(15);

    @Test
    void sendsACommentAfterEachIntervalOfAQuietStream() {
        StepVerifier.withVirtualTime(() -> SseKeepAlive.around(Flux.<ServerSentEvent<String>>never(), EVERY))
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
        StepVerifier.withVirtualTime(() -> SseKeepAlive.around(events.flux(), EVERY))
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
        StepVerifier.withVirtualTime(() -> SseKeepAlive.around(Flux.just(event("closed")), EVERY))
                .assertNext(event -> assertThat(event.event()).isEqualTo("closed"))
                .expectComplete()
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
