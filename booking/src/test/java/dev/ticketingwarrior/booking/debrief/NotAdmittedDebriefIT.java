package dev.ticketingwarrior.booking.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.sale.redis.RoundKeys;
import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.booking.support.Players;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.wire.SharedRoundKeys;
import dev.ticketingwarrior.shared.wire.TicketSeals;
import dev.ticketingwarrior.shared.wire.WaitingTicket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import tools.jackson.databind.JsonNode;

/**
 * The debrief of a player the round closed on while it waited (SPEC §12: every attempt ends in one), over the real
 * stack. Admission's record of the round is written here as admission's entry script and counter leave it, in the
 * format and under the key names both services take from {@code shared}.
 */
class NotAdmittedDebriefIT {

    private static final String SECRET_HEADER = "X-Player-Secret";

    private final BookingStack world = BookingStack.get();
    private final Api api = world.api(world.first());
    private final RedissonClient redis = world.first().getBean(RedissonClient.class);

    @Test
    void aPlayerTheRoundClosedOnGetsItsDebriefAndHistoryBeforeAndAfterTheArchiveUntilItErases() {
        Round round = world.freshRound();
        AdmissionRecord admission = new AdmissionRecord(round);
        String kim = admission.waiting(5, "kim", false, 3200);
        String secret = Players.deviceSecret();
        assertThat(debrief(round, kim, secret).status()).isEqualTo(404); // still open: it may yet be admitted

        world.clock.set(round.closesAt().plusSeconds(1));
        Api.Response first = debrief(round, kim, secret);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode debrief = first.json();
        assertThat(debrief.path("outcome").asString()).isEqualTo("NOT_ADMITTED");
        assertThat(debrief.path("nickname").asString()).isEqualTo("kim");
        assertThat(debrief.path("queue").path("number").asLong()).isEqualTo(5);
        assertThat(debrief.path("queue").path("entered").asLong()).isEqualTo(7);
        JsonNode timeline = debrief.path("timeline");
        assertThat(timeline)
                .extracting(step -> step.path("step").asString())
                .containsExactly("OPEN", "ENTERED", "CLOSED");
        assertThat(timeline.get(1).path("atMs").asLong()).isEqualTo(3200);
        assertThat(timeline.get(2).path("atMs").asLong())
                .isEqualTo(Duration.between(round.opensAt(), round.closesAt()).toMillis());
        assertThat(timeline.get(2).path("placesAway").asLong()).isEqualTo(2);
        assertThat(timeline.get(2).path("served").asLong()).isEqualTo(3);
        assertThat(timeline.get(2).path("stillOn").asString()).isEqualTo("wait");
        JsonNode notAdmitted = debrief.path("notAdmitted");
        assertThat(notAdmitted.path("enteredMs").asLong()).isEqualTo(3200);
        assertThat(notAdmitted.path("admittedWithinMs").asLong()).isEqualTo(900);
        assertThat(notAdmitted.path("admittedHumans").asLong()).isEqualTo(2);
        assertThat(debrief.path("steps").path("entryMs").asLong()).isEqualTo(3200);
        assertThat(debrief.path("steps").path("waitMs").isNull()).isTrue();

        // the first secret bound it: anyone else, a forged seal, a bot get the same 404
        assertThat(debrief(round, kim, Players.deviceSecret()).problemSlug()).isEqualTo("unknown-debrief");
        String forged = round.id() + "-5-" + "0".repeat(24);
        assertThat(debrief(round, forged, secret).problemSlug()).isEqualTo("unknown-debrief");
        assertThat(debrief(round, admission.waiting(7, "bot-7", true, 3500), Players.deviceSecret())
                        .status())
                .isEqualTo(404);
        assertThat(debrief(round, kim, secret).body()).isEqualTo(first.body());

        JsonNode live = history("kim", secret).json();
        assertThat(live.path("rounds").asLong()).isEqualTo(1);
        assertThat(live.path("won").asLong()).isZero();
        assertThat(live.path("attempts")).hasSize(1);
        assertThat(live.path("attempts").get(0).path("outcome").asString()).isEqualTo("NOT_ADMITTED");
        assertThat(live.path("attempts").get(0).path("ticketId").asString()).isEqualTo(kim);
        assertThat(live.path("attempts").get(0).path("steps").path("entryMs").asLong())
                .isEqualTo(3200);

        world.clock.set(round.closesAt().plusSeconds(11));
        Players.awaitArchived(redis, round);
        assertThat(history("kim", secret).json()).isEqualTo(live); // archived, and still live in Redis: once
        assertThat(redis.getKeys().deleteByPattern("{r:" + round.id() + "}*")).isPositive();
        assertThat(history("kim", secret).json()).isEqualTo(live);
        Api.Response archived = debrief(round, kim, secret);
        assertThat(archived.json()).isEqualTo(Api.JSON.readTree(first.body()));

        assertThat(erase("kim", secret).status()).isEqualTo(204);
        assertThat(history("kim", secret).json().path("attempts").isEmpty()).isTrue();
        assertThat(debrief(round, kim, secret).status()).isEqualTo(404);
    }

    /** Admitted by the last advance, its letter refused at the close: booking saw no call, admission's record tells. */
    @Test
    void aPlayerAdmittedThatMadeNoCallGetsADebriefAsAdmittedWithoutASeat() {
        Round round = world.freshRound();
        AdmissionRecord admission = new AdmissionRecord(round);
        String third = admission.id(3);
        String secret = Players.deviceSecret();
        world.clock.set(round.closesAt().plusSeconds(1));

        Api.Response response = debrief(round, third, secret);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode debrief = response.json();
        assertThat(debrief.path("outcome").asString()).isEqualTo("NO_SEAT");
        assertThat(debrief.path("timeline"))
                .extracting(step -> step.path("step").asString())
                .containsExactly("OPEN", "ENTERED", "ADMITTED", "CLOSED");
        assertThat(debrief.path("timeline").get(2).path("atMs").asLong()).isEqualTo(1000);
        JsonNode closed = debrief.path("timeline").get(3);
        assertThat(closed.path("stillOn").asString()).isEqualTo("letter");
        assertThat(closed.path("attempts").asInt()).isZero();
        assertThat(closed.has("placesAway")).isFalse();
        assertThat(debrief(round, third, Players.deviceSecret()).status()).isEqualTo(404);
        assertThat(history("third", secret).json().path("rounds").asLong()).isEqualTo(1);
        // one that booked with its calls unrecorded (no secret sent) is no "no seat": still a 404
        String first = admission.id(1);
        redis.<String, String>getMap(new RoundKeys(round.id()).ticketBookings(), StringCodec.INSTANCE)
                .put(first, "b-first");
        assertThat(debrief(round, first, Players.deviceSecret()).status()).isEqualTo(404);

        world.clock.set(round.closesAt().plusSeconds(11));
        Players.awaitArchived(redis, round);
        assertThat(redis.getKeys().deleteByPattern("{r:" + round.id() + "}*")).isPositive();
        assertThat(debrief(round, third, secret).json()).isEqualTo(debrief);
    }

    @Test
    void anAttemptErasedWhileTheRoundsKeysLiveIsNotBoundAgain() {
        Round round = world.freshRound();
        AdmissionRecord admission = new AdmissionRecord(round);
        String lee = admission.waiting(6, "lee", false, 4000);
        String secret = Players.deviceSecret();
        world.clock.set(round.closesAt().plusSeconds(1));
        assertThat(debrief(round, lee, secret).status()).isEqualTo(200);
        assertThat(history("lee", secret).json().path("rounds").asLong()).isEqualTo(1);

        assertThat(erase("lee", secret).status()).isEqualTo(204);

        assertThat(history("lee", secret).json().path("rounds").asLong()).isZero();
        assertThat(debrief(round, lee, secret).status()).isEqualTo(404);
        assertThat(debrief(round, lee, Players.deviceSecret()).status()).isEqualTo(404);
    }

    private Api.Response debrief(Round round, String ticket, String secret) {
        return api.send(
                "GET",
                "/api/v1/rounds/" + round.id() + "/debriefs/" + ticket,
                null,
                null,
                Map.of(SECRET_HEADER, secret));
    }

    private Api.Response history(String nickname, String secret) {
        Api.Response response = api.send(
                "GET", "/api/v1/players/history?nickname=" + nickname, null, null, Map.of(SECRET_HEADER, secret));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private Api.Response erase(String nickname, String secret) {
        return api.send(
                "DELETE", "/api/v1/players/history?nickname=" + nickname, null, null, Map.of(SECRET_HEADER, secret));
    }

    /**
     * Admission's keys of a round as its scripts leave them at the close: seven entries, numbers 1-3 admitted (2 a
     * bot; the last admitted human, 3, entered 900 ms after the open), the counter run to the close.
     */
    private final class AdmissionRecord {

        final Round round;
        final String seal = "0123456789abcdef"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() | 1L << 63);

        AdmissionRecord(Round round) {
            this.round = round;
            waiting(1, "first", false, 100);
            waiting(2, "bot-2", true, 150);
            waiting(3, "third", false, 900);
            Duration ttl = Duration.ofMinutes(5);
            redis.getBucket(SharedRoundKeys.entrySequence(round.id()), StringCodec.INSTANCE)
                    .set("7", ttl);
            var serve = redis.<String, String>getMap(SharedRoundKeys.serving(round.id()), StringCodec.INSTANCE);
            serve.putAll(Map.of(
                    SharedRoundKeys.SEAL_FIELD,
                    seal,
                    SharedRoundKeys.SERVED_FIELD,
                    "3",
                    SharedRoundKeys.ADVANCED_UNTIL_FIELD,
                    String.valueOf(round.closesAt().toEpochMilli()),
                    SharedRoundKeys.ADMITTED_BOTS_FIELD,
                    "1"));
            serve.expire(ttl);
            var admitted = redis.<String, String>getMap(SharedRoundKeys.admissions(round.id()), StringCodec.INSTANCE);
            for (int qn = 1; qn <= 3; qn++) {
                admitted.put(String.valueOf(qn), String.valueOf(round.opensAt().toEpochMilli() + 1000));
            }
            admitted.expire(ttl);
        }

        /** Enters ticket {@code queueNumber} {@code enteredMs} after the open; its sealed id. */
        String waiting(long queueNumber, String nickname, boolean bot, long enteredMs) {
            var tickets = redis.<String, String>getMap(SharedRoundKeys.tickets(round.id()), StringCodec.INSTANCE);
            tickets.put(
                    String.valueOf(queueNumber),
                    new WaitingTicket(queueNumber, round.opensAt().plusMillis(enteredMs), bot, nickname).stored());
            tickets.expire(Duration.ofMinutes(5));
            return id(queueNumber);
        }

        String id(long queueNumber) {
            return round.id() + "-" + queueNumber + "-"
                    + TicketSeals.seal(seal, round.id().value(), queueNumber);
        }
    }
}
