package dev.ticketingwarrior.botrunner.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which problem answers a bot sends again (the same Idempotency-Key for a booking), and which it takes as final. */
class RetryTests {

    @Test
    void triesAgainOnA503OrABookingKeyStillInProgress() {
        assertThat(WebClientPlayerApi.worthAnotherTry(503, "service-unavailable"))
                .isTrue();
        assertThat(WebClientPlayerApi.worthAnotherTry(409, "idempotency-key-in-progress"))
                .isTrue();
    }

    @Test
    void takesEveryOtherProblemAsTheAnswer() {
        assertThat(WebClientPlayerApi.worthAnotherTry(409, "already-booked")).isFalse();
        assertThat(WebClientPlayerApi.worthAnotherTry(409, "seat-taken")).isFalse();
        assertThat(WebClientPlayerApi.worthAnotherTry(429, "rate-limited")).isFalse();
        assertThat(WebClientPlayerApi.worthAnotherTry(500, "")).isFalse();
    }
}
