package dev.ticketingwarrior.perf.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import dev.ticketingwarrior.shared.token.AdmissionTokenIssuer;
import dev.ticketingwarrior.shared.token.TokenDefaults;
import dev.ticketingwarrior.shared.token.TokenKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which booking answers the journey sends again with the same Idempotency-Key, and what it reads of its token. */
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

    /** A kill-admission drill: players whose entry got no answer are errors, not players the round closed on. */
    @Test
    void aPlayerWithoutATicketIsAnErrorUnlessTheRoundWasNotOpen() {
        assertThat(PlayerJourney.withoutTicket(0)).isEqualTo(Journal.Outcome.ERROR);
        assertThat(PlayerJourney.withoutTicket(503)).isEqualTo(Journal.Outcome.ERROR);
        assertThat(PlayerJourney.withoutTicket(429)).isEqualTo(Journal.Outcome.ERROR);
        assertThat(PlayerJourney.withoutTicket(409)).isEqualTo(Journal.Outcome.NOT_ADMITTED);
    }

    /** A 403 on the letter or a hold: the player's place went to the next in line (maxActive), or the round closed. */
    @Test
    void tellsAReleasedPlaceFromAClosedRound() {
        assertThat(PlayerJourney.refusal("{\"type\":\"" + PROBLEMS + "place-released\",\"status\":403}"))
                .isEqualTo(Journal.Outcome.PLACE_RELEASED);
        assertThat(PlayerJourney.refusal("{\"type\":\"" + PROBLEMS + "round-closed\",\"status\":403}"))
                .isEqualTo(Journal.Outcome.ROUND_CLOSED);
        assertThat(PlayerJourney.refusal("")).isEqualTo(Journal.Outcome.ROUND_CLOSED);
    }

    @Test
    void readsWhenItsTokenSaysItWasAdmitted() {
        Instant open = Instant.parse("2026-11-24T10:15:00Z");
        Instant admitted = open.plusMillis(1_234);
        AdmissionTokenIssuer issuer = new AdmissionTokenIssuer(
                TokenKeys.of(List.of(TokenKeys.generate("k1", open.minusSeconds(60)))), TokenDefaults.ISSUER);
        String token = issuer.issue(new AdmissionClaims(
                RoundId.startingAt(open).value() + "-7-abc",
                RoundId.startingAt(open),
                "runner",
                false,
                7,
                open.plusMillis(200),
                admitted,
                admitted,
                open.plusSeconds(45),
                "jti-7"));

        assertThat(PlayerJourney.admittedAt(token)).isEqualTo(admitted.toEpochMilli());
        assertThat(PlayerJourney.admittedAt("not.a-token")).isNull();
        assertThat(PlayerJourney.admittedAt(null)).isNull();
    }
}
