package dev.ticketingwarrior.perf.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which booking answers the journey sends again with the same Idempotency-Key. */
class PlayerJourneyTests {

    private static final String PROBLEMS = "https://ticketing-warrior.dev/problems/";

    @Test
    void sendsAgainOnNoAnswerA5xxOrAKeyStillInProgress() {
        assertThat(PlayerJourney.noAnswer(0)).isTrue();
        assertThat(PlayerJourney.noAnswer(503)).isTrue();
        assertThat(PlayerJourney.keyInProgress(409, PROBLEMS + "idempotency-key-in-progress"))
                .isTrue();
    }

    @Test
    void takesAnyOther409AsTheAnswer() {
        assertThat(PlayerJourney.noAnswer(409)).isFalse();
        assertThat(PlayerJourney.keyInProgress(409, PROBLEMS + "already-booked"))
                .isFalse();
        assertThat(PlayerJourney.keyInProgress(409, null)).isFalse();
        assertThat(PlayerJourney.keyInProgress(503, PROBLEMS + "idempotency-key-in-progress"))
                .isFalse();
    }
}
