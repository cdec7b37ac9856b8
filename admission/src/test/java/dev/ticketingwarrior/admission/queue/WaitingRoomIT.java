package dev.ticketingwarrior.admission.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import dev.ticketingwarrior.admission.queue.domain.RoundSeal;
import dev.ticketingwarrior.admission.queue.domain.TicketId;
import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import dev.ticketingwarrior.shared.token.AdmissionTokenVerifier;
import dev.ticketingwarrior.shared.token.TokenDefaults;
import dev.ticketingwarrior.shared.token.TokenKeys;
import dev.ticketingwarrior.shared.wire.SharedRoundKeys;
import dev.ticketingwarrior.shared.wire.TicketSeals;
import dev.ticketingwarrior.shared.wire.WaitingTicket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class WaitingRoomIT extends AdmissionIntegrationTest {

    @Test
    void admitsInArrivalOrder() {
        settings(1, 0, 0, false);
        openRound();
        List<String> tickets = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            JsonNode entered = enter(nick("order", i));
            assertThat(entered.get("position").asLong()).isEqualTo(i);
            assertThat(entered.get("waiting").asLong()).isEqualTo(i);
            tickets.add(id(entered));
        }

        advance(Duration.ofMillis(1000));
        assertThat(status(tickets.get(0)).get("status").asString()).isEqualTo("ADMITTED");
        assertThat(status(tickets.get(1)).get("status").asString()).isEqualTo("WAITING");
        assertThat(status(tickets.get(1)).get("position").asLong()).isEqualTo(1);

        advance(Duration.ofMillis(1000));
        JsonNode second = status(tickets.get(1));
        assertThat(second.get("status").asString()).isEqualTo("ADMITTED");
        assertThat(status(tickets.get(2)).get("position").asLong()).isEqualTo(1);

        AdmissionClaims first = verify(status(tickets.get(0)).get("token").asString());
        AdmissionClaims next = verify(second.get("token").asString());
        assertThat(first.queueNumber()).isEqualTo(1);
        assertThat(next.queueNumber()).isEqualTo(2);
        assertThat(first.admittedAt()).isBefore(next.admittedAt());
    }

    @Test
    void ticketIdsCarryTheirQueueNumberSealedWithTheRoundsSecret() {
        settings(1, 0, 0, false);
        openRound();
        RoundId round = RoundId.startingAt(roundOpen);
        List<TicketId> tickets = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            tickets.add(TicketId.parse(id(enter(nick("sealed", i)))).orElseThrow());
        }
        String secret = (String) redis().opsForHash().get(round.hashTag() + ":serve", "seal");
        RoundSeal seal = new RoundSeal(secret);

        // numbered in arrival order, each sealed by the script exactly as RoundSeal computes it
        assertThat(tickets).extracting(TicketId::queueNumber).containsExactly(1L, 2L, 3L);
        assertThat(tickets).allSatisfy(ticket -> assertThat(seal.seals(ticket)).isTrue());
        // the secret never leaves the service
        assertThat(status(tickets.get(2).value()).toString()).doesNotContain(secret);
        // a ticket id with a number the round gave but a made-up seal is unknown
        web.get()
                .uri("/api/v1/queue/{id}", round.value() + "-2-" + "0".repeat(24))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    /**
     * Booking debriefs a player the round closed on from these keys, by the names, format and seal in {@code shared}
     * (decision 0013): what admission writes must read back through them.
     */
    @Test
    void leavesTheRecordBookingReadsOfAPlayerTheRoundClosedOn() throws InterruptedException {
        settings(1, 0, 0, false);
        openRound();
        RoundId round = RoundId.startingAt(roundOpen);
        List<String> tickets = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            tickets.add(id(enter(nick("closed", i))));
            advance(Duration.ofMillis(100));
        }
        advance(Duration.ofMillis(800));
        assertThat(status(tickets.get(0)).get("status").asString()).isEqualTo("ADMITTED");
        settings(0, 0, 0, true);
        Instant close = roundOpen.plusSeconds(15);
        clock.set(close.plusMillis(100));
        assertThat(status(tickets.get(2)).get("status").asString()).isEqualTo("CLOSED");
        Map<Object, Object> serve = Map.of();
        for (int i = 0; i < 50; i++) { // the ticker runs the counter to the close within a tick or two
            serve = redis().opsForHash().entries(SharedRoundKeys.serving(round));
            if (String.valueOf(close.toEpochMilli()).equals(serve.get(SharedRoundKeys.ADVANCED_UNTIL_FIELD))) {
                break;
            }
            Thread.sleep(100);
        }

        assertThat(serve.get(SharedRoundKeys.ADVANCED_UNTIL_FIELD)).isEqualTo(String.valueOf(close.toEpochMilli()));
        assertThat(serve.get(SharedRoundKeys.SERVED_FIELD)).isEqualTo("1");
        assertThat(serve.get(SharedRoundKeys.ADMITTED_BOTS_FIELD)).isEqualTo("0");
        assertThat(TicketSeals.seals((String) serve.get(SharedRoundKeys.SEAL_FIELD), tickets.get(2)))
                .isTrue();
        WaitingTicket third =
                WaitingTicket.parse(3, (String) redis().opsForHash().get(SharedRoundKeys.tickets(round), "3"));
        assertThat(third).isEqualTo(new WaitingTicket(3, roundOpen.plusMillis(200), false, nick("closed", 3)));
        assertThat(redis().opsForHash().hasKey(SharedRoundKeys.admissions(round), "1"))
                .isTrue();
        assertThat(redis().opsForHash().hasKey(SharedRoundKeys.admissions(round), "3"))
                .isFalse();
    }

    @Test
    void reportsExactPositionWhileOthersAreAdmittedAhead() {
        settings(2, 0, 0, false);
        openRound();
        List<String> tickets = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            tickets.add(id(enter(nick("pos", i))));
        }
        JsonNode seventh = status(tickets.get(6));
        assertThat(seventh.get("position").asLong()).isEqualTo(7);
        assertThat(seventh.get("ahead").asLong()).isEqualTo(6);
        assertThat(seventh.get("waiting").asLong()).isEqualTo(10);

        advance(Duration.ofSeconds(2));
        seventh = status(tickets.get(6));
        assertThat(seventh.get("status").asString()).isEqualTo("WAITING");
        assertThat(seventh.get("position").asLong()).isEqualTo(3);
        assertThat(seventh.get("ahead").asLong()).isEqualTo(2);
        assertThat(seventh.get("waiting").asLong()).isEqualTo(6);
        assertThat(seventh.get("ratePerSecond").asDouble()).isEqualTo(2.0);
        assertThat(seventh.get("etaSeconds").asLong()).isEqualTo(2);
        assertThat(status(tickets.get(3)).get("status").asString()).isEqualTo("ADMITTED");
        assertThat(status(tickets.get(4)).get("position").asLong()).isEqualTo(1);
    }

    @Test
    void refusesEntryOutsideTheOpenWindow() {
        clock.set(roundOpen.plusSeconds(20));
        web.post()
                .uri("/api/v1/queue")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("nickname", "late_player"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://ticketing-warrior.dev/problems/round-not-open")
                .jsonPath("$.opensAt")
                .isEqualTo(roundOpen.plusSeconds(60).toString());
    }

    @Test
    void admitsFortyAtTwentyPerSecondOverTwoSeconds() {
        settings(20, 0, 0, false);
        openRound();
        List<String> tickets = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            tickets.add(id(enter(nick("rate", i))));
        }
        advance(Duration.ofSeconds(2));
        assertThat(status(tickets.get(39)).get("status").asString()).isEqualTo("ADMITTED");
        JsonNode next = status(tickets.get(40));
        assertThat(next.get("status").asString()).isEqualTo("WAITING");
        assertThat(next.get("position").asLong()).isEqualTo(1);
        assertThat(next.get("waiting").asLong()).isEqualTo(10);
    }

    @Test
    void pausedAdmitsNone() {
        settings(100, 5, 0, true);
        openRound();
        List<String> tickets = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            tickets.add(id(enter(nick("paused", i))));
        }
        advance(Duration.ofSeconds(5));
        assertThat(status(tickets.get(0)).get("status").asString()).isEqualTo("WAITING");
        assertThat(status(tickets.get(0)).get("waiting").asLong()).isEqualTo(5);
        JsonNode paused = status(tickets.get(0));
        assertThat(paused.has("etaSeconds"))
                .as("every field SPEC §4 lists is there")
                .isTrue();
        assertThat(paused.get("etaSeconds").isNull())
                .as("no estimate while paused")
                .isTrue();
        assertThat(paused.has("token")).isFalse();
    }

    @Test
    void maxActiveCapsAndFreesSlotsWhenPlayersFinish() {
        settings(100, 0, 2, false);
        openRound();
        List<String> tickets = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            tickets.add(id(enter(nick("cap", i))));
        }
        advance(Duration.ofSeconds(1));
        assertThat(status(tickets.get(1)).get("status").asString()).isEqualTo("ADMITTED");
        assertThat(status(tickets.get(2)).get("position").asLong()).isEqualTo(1);

        // booking reports the first player finished
        redis().opsForSet().add(SharedRoundKeys.finishedPlayers(RoundId.startingAt(roundOpen)), tickets.get(0));
        advance(Duration.ofMillis(100));
        assertThat(status(tickets.get(2)).get("status").asString()).isEqualTo("ADMITTED");
        assertThat(status(tickets.get(3)).get("position").asLong()).isEqualTo(1);
    }

    /**
     * Valkey loses the round mid-way (restart, failover to an empty replica): the tokens already given stay good at
     * booking, so the counter goes on from where this instance saw it instead of crediting the time since the open
     * again (SPEC §9: no admission beyond the rate).
     */
    @Test
    void aRoundValkeyLostGoesOnFromTheCountAlreadyAdmitted() {
        settings(1, 0, 0, false);
        openRound();
        String first = id(enter("lost_1"));
        advance(Duration.ofSeconds(1));
        assertThat(status(first).get("status").asString()).isEqualTo("ADMITTED");
        // an advance this instance made (as its ticker does every tick; here the stats read's, not left to timing)
        web.get()
                .uri("/api/v1/admin/stats")
                .header("Authorization", "Bearer " + OPS_TOKEN)
                .exchange()
                .expectStatus()
                .isOk();

        RoundId round = RoundId.startingAt(roundOpen);
        redis().delete(redis().keys("{r:" + round.value() + "}*"));
        String next = id(enter("lost_2"));

        JsonNode standing = status(next);
        assertThat(standing.get("status").asString())
                .as("one admitted by +1 s at 1/s: the next waits its second")
                .isEqualTo("WAITING");
        assertThat(standing.get("position").asLong()).isEqualTo(1);
        assertThat(TicketId.parse(next).orElseThrow().queueNumber())
                .as("queue numbers go on after the admitted ones")
                .isEqualTo(2);
        advance(Duration.ofSeconds(1));
        assertThat(status(next).get("status").asString()).isEqualTo("ADMITTED");
        assertThat(redis().keys("{r:" + round.value() + "}*"))
                .as("every key of the round put back expires with it")
                .isNotEmpty()
                .allSatisfy(key -> assertThat(redis().getExpire(key)).as(key).isPositive());
    }

    @Test
    void abandonedPlayersFreeTheirSlotAfterTheActiveTimeout() {
        settings(100, 0, 1, false);
        openRound();
        String first = id(enter("abandon_1"));
        String second = id(enter("abandon_2"));
        advance(Duration.ofSeconds(1));
        assertThat(status(first).get("status").asString()).isEqualTo("ADMITTED");
        advance(Duration.ofSeconds(4));
        assertThat(status(second).get("status").asString()).isEqualTo("WAITING");
        // the active timeout of the tests is 5 s: the first player never finished and no longer holds the slot
        advance(Duration.ofSeconds(2));
        assertThat(status(second).get("status").asString()).isEqualTo("ADMITTED");
    }

    /**
     * Booking moves an admitted player's last sign of life on when it answers a letter or holds a seat (as
     * register-hold.lua does, in the shared key): the active timeout runs from there, so one who plays keeps its slot.
     */
    @Test
    void aPlayerWhoGoesOnPlayingKeepsItsSlotPastTheActiveTimeout() {
        settings(100, 0, 1, false);
        openRound();
        String first = id(enter("playing_1"));
        String second = id(enter("playing_2"));
        advance(Duration.ofSeconds(1));
        assertThat(status(first).get("status").asString()).isEqualTo("ADMITTED");
        advance(Duration.ofSeconds(3));
        String active = SharedRoundKeys.activePlayers(RoundId.startingAt(roundOpen));
        assertThat(redis().opsForZSet().add(active, "1", clock.millis()))
                .as("a new member")
                .isFalse();

        // 6 s after the admission, but 3 s after the hold: the first player still holds the only slot
        advance(Duration.ofSeconds(2));
        assertThat(status(second).get("status").asString()).isEqualTo("WAITING");
        // silent for 5 s since the hold (the tests' active timeout): gone, the slot is the next player's
        advance(Duration.ofSeconds(3));
        assertThat(status(second).get("status").asString()).isEqualTo("ADMITTED");
    }

    @Test
    void closesTicketsTheRoundNeverReached() {
        settings(0, 0, 0, false);
        openRound();
        String ticket = id(enter("never_reached"));
        clock.set(roundOpen.plusSeconds(15));
        JsonNode closed = status(ticket);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.has("token")).isFalse();
    }

    @Test
    void givesTheSameTokenOnEveryPoll() {
        settings(0, 1, 0, false);
        openRound();
        String ticket = id(enter("same_token"));
        advance(Duration.ofMillis(10));
        String token = status(ticket).get("token").asString();
        advance(Duration.ofSeconds(3));
        assertThat(status(ticket).get("token").asString()).isEqualTo(token);
        AdmissionClaims claims = verify(token);
        assertThat(claims.nickname()).isEqualTo("same_token");
        assertThat(claims.bot()).isFalse();
        assertThat(claims.roundId()).isEqualTo(RoundId.startingAt(roundOpen));
        assertThat(claims.expiresAt()).isEqualTo(roundOpen.plusSeconds(15 + 30));
    }

    @Test
    void aValidBotKeyMarksTheTicketAsABot() {
        settings(0, 10, 0, false);
        openRound();
        JsonNode entered = web.post()
                .uri("/api/v1/queue")
                .header("X-Bot-Key", BOT_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("nickname", "bot-007"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        advance(Duration.ofMillis(10));
        assertThat(verify(status(id(entered)).get("token").asString()).bot()).isTrue();
    }

    @Test
    void refusesAWrongBotKey() {
        openRound();
        web.post()
                .uri("/api/v1/queue")
                .header("X-Bot-Key", "not-the-key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("nickname", "fake_bot"))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://ticketing-warrior.dev/problems/invalid-bot-key");
    }

    @Test
    void servesTheClockOfTheRound() {
        clock.set(roundOpen.plusSeconds(3));
        web.get()
                .uri("/api/v1/clock")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.serverTime")
                .isEqualTo(roundOpen.plusSeconds(3).toString())
                .jsonPath("$.round.id")
                .isEqualTo(RoundId.startingAt(roundOpen).value())
                .jsonPath("$.round.phase")
                .isEqualTo("OPEN")
                .jsonPath("$.round.closesAt")
                .isEqualTo(roundOpen.plusSeconds(15).toString())
                .jsonPath("$.nextRound.opensAt")
                .isEqualTo(roundOpen.plusSeconds(60).toString());
    }

    AdmissionClaims verify(String token) {
        String jwks = web.get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        TokenKeys published = TokenKeys.fromJwkSetJson(jwks);
        return new AdmissionTokenVerifier(published, TokenDefaults.ISSUER, clock, Duration.ofSeconds(5)).verify(token);
    }
}
