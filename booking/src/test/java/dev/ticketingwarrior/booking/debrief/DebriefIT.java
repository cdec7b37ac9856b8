package dev.ticketingwarrior.booking.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.debrief.domain.ArchivedAttempts;
import dev.ticketingwarrior.booking.debrief.domain.Attempt;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.booking.support.Players;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.wire.SharedRoundKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import tools.jackson.databind.JsonNode;

/**
 * Debriefs and history over the real stack (SPEC §12): what a human's calls leave behind, who took a lost seat and by
 * how much, who may read a debrief, the archive that outlives the round's Redis keys, and erasing.
 */
class DebriefIT {

    private static final String SECRET_HEADER = "X-Player-Secret";

    private final BookingStack world = BookingStack.get();
    private final Api api = world.api(world.first());
    private final RedissonClient redis = world.first().getBean(RedissonClient.class);

    /**
     * An attempt MySQL refuses as it is (here entered in year 10000) would keep its round out of the archive on every
     * try: it is left out, and the round's other attempts are archived.
     */
    @Test
    void anAttemptTheDatabaseRefusesIsLeftOutOfTheArchiveAndTheRoundsOthersAreKept() {
        Round round = world.freshRound();
        ArchivedAttempts archive = world.first().getBean(ArchivedAttempts.class);
        Attempt kept = closedOn(round, "kept", round.opensAt().plusMillis(300));
        Attempt refused = closedOn(round, "refused", Instant.parse("+10000-01-01T00:00:00Z"));

        archive.save(List.of(kept, refused), 2L);

        assertThat(archive.ofRound(round.id()))
                .extracting(result -> result.attempt().ticketId())
                .containsExactly(kept.ticketId());
    }

    /** A human the round closed on while it waited, as the archive keeps it. */
    private static Attempt closedOn(Round round, String nickname, Instant enteredAt) {
        return Attempt.unseen(
                round.id(),
                BookingStack.ticket(),
                PlayerId.of(nickname, "s".repeat(32)),
                nickname,
                1,
                enteredAt,
                Optional.empty(),
                Optional.of(new Attempt.NotAdmitted(round.closesAt(), 0, null, 0)));
    }

    @Test
    void aLostSeatShowsWhoTookItAndByHowManyMsAndTheWinTimesAsTheBooking() {
        Round round = world.freshRound();
        redis.getBucket(SharedRoundKeys.entrySequence(round.id()), StringCodec.INSTANCE)
                .set("3", Duration.ofMinutes(5));
        Player lee = human(round, "lee");
        Player kim = human(round, "kim");
        String bot = world.token(round, BookingStack.ticket(), "bot-7", true);
        lee.solveLetter();
        kim.solveLetter();

        // the test clock runs on in real time from each set(): a margin is bounded by the calls' own times; the
        // seats are taken after the letters however long those took (the timeline is in time order)
        Instant start = world.clock.instant();
        Instant leeHeld = heldAt(lee.hold("A-1"));
        world.clock.set(start.plusMillis(300));
        assertThat(kim.hold("A-1").status()).isEqualTo(409);
        Instant firstLostBy = world.clock.instant();
        world.clock.set(start.plusMillis(400));
        Instant botHeld = heldAt(Players.hold(api, bot, round, "A-2", Map.of("X-Bot-Key", BookingStack.BOT_KEY)));
        world.clock.set(start.plusMillis(495));
        assertThat(kim.hold("A-2").status()).isEqualTo(409);
        Instant secondLostBy = world.clock.instant();
        world.clock.set(start.plusMillis(600));
        Api.Response held = kim.hold("A-3");
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        world.clock.set(start.plusMillis(900));
        Api.Response booked = kim.book(held.json().path("holdId").asString());
        assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
        String bookingId = booked.json().path("bookingId").asString();
        JsonNode booking = Players.awaitFinal(api, bookingId, Duration.ofSeconds(10));
        assertThat(booking.path("status").asString()).isEqualTo("CONFIRMED");

        JsonNode debrief = kim.debrief(200).json();

        assertThat(debrief.path("nickname").asString()).isEqualTo("kim");
        assertThat(debrief.path("outcome").asString()).isEqualTo("CONFIRMED");
        assertThat(debrief.path("queue").path("entered").asLong()).isEqualTo(3);
        JsonNode timeline = debrief.path("timeline");
        assertThat(steps(timeline))
                .isEqualTo("OPEN ENTERED ADMITTED LETTER SEAT:A-1:TAKEN SEAT:A-2:TAKEN SEAT:A-3:HELD BOOKED CONFIRMED");
        JsonNode first = timeline.get(4);
        assertThat(first.path("takenBy").path("nickname").asString()).isEqualTo("lee");
        assertThat(first.path("takenBy").path("bot").asBoolean()).isFalse();
        assertThat(first.path("marginMs").asLong())
                .isBetween(ms(leeHeld, start.plusMillis(300)) - 1, ms(leeHeld, firstLostBy) + 1);
        JsonNode second = timeline.get(5);
        assertThat(second.path("takenBy").path("nickname").isNull()).isTrue();
        assertThat(second.path("takenBy").path("bot").asBoolean()).isTrue();
        assertThat(second.path("marginMs").asLong())
                .isBetween(ms(botHeld, start.plusMillis(495)) - 1, ms(botHeld, secondLostBy) + 1);
        assertThat(timeline.get(7).path("bookingId").asString()).isEqualTo(bookingId);
        // the same numbers as the booking's: open→booked, and held→booked
        assertThat(debrief.path("totalMs").asLong())
                .isEqualTo(booking.path("durationMs").asLong());
        assertThat(debrief.path("steps").path("confirmMs").asLong())
                .isEqualTo(booking.path("splits").path("confirmMs").asLong());
        assertThat(debrief.path("ghost").path("roundBest").path("nickname").asString())
                .isEqualTo("kim");
        assertThat(debrief.path("ghost").path("personalBest").path("roundId").asString())
                .isEqualTo(round.id().value());
        assertThat(debrief.path("ghost").path("previousBest").isNull())
                .as("a first win beat no earlier best")
                .isTrue();

        // the loser's debrief: no booking, its pick ends at its last seat attempt
        JsonNode leeDebrief = lee.debrief(200).json();
        assertThat(leeDebrief.path("outcome").asString()).isEqualTo("NO_SEAT");
        assertThat(leeDebrief.path("totalMs").isNull()).isTrue();
        // bots, and humans without a secret, leave nothing behind but the seat's taker
        assertThat(redis.getKeys().countExists("{r:" + round.id() + "}:attempt:" + kim.ticket))
                .isOne();
        assertThat(redis.getKeys().countExists("{r:" + round.id() + "}:attempt:" + botTicket(bot)))
                .isZero();
    }

    @Test
    void aPlayerAloneIsToldTheStepThatCostMostAgainstTheirOwnBestRound() {
        String secret = Players.deviceSecret();
        Player fast = winsAlone(secret, Duration.ofSeconds(1));
        JsonNode first = fast.debrief(200).json();
        assertThat(first.path("costliest").path("basis").asString())
                .as("alone and never won before: against the player's own time")
                .isEqualTo("SELF");
        List<Long> splits = new ArrayList<>();
        first.path("steps").forEach(split -> splits.add(split.asLong()));
        assertThat(first.path("costliest").path("ms").asLong())
                .as("the step that took longest")
                .isEqualTo(Collections.max(splits));
        assertThat(first.path("costliest").path("referenceMs").asLong())
                .isEqualTo(splits.stream().mapToLong(Long::longValue).sum());

        Player slow = winsAlone(secret, Duration.ofSeconds(4));

        JsonNode debrief = slow.debrief(200).json();
        JsonNode costliest = debrief.path("costliest");
        assertThat(costliest.path("step").asString()).as(debrief.toString()).isEqualTo("pick");
        assertThat(costliest.path("basis").asString()).isEqualTo("PERSONAL_BEST");
        assertThat(costliest.path("humans").asInt()).isZero();
        assertThat(costliest.path("referenceMs").asLong())
                .isEqualTo(debrief.path("ghost")
                        .path("previousBest")
                        .path("steps")
                        .path("pickMs")
                        .asLong())
                .isGreaterThanOrEqualTo(500);
        assertThat(costliest.path("ms").asLong())
                .isEqualTo(debrief.path("steps").path("pickMs").asLong())
                .isGreaterThanOrEqualTo(costliest.path("referenceMs").asLong() + 2_000);
        assertThat(costliest.path("topTenPercentMs").asLong())
                .as("the reference under its first name, for a tab opened before the deploy")
                .isEqualTo(costliest.path("referenceMs").asLong());
        assertThat(debrief.path("ghost").path("previousBest").path("roundId").asString())
                .isEqualTo(fast.round.id().value());
    }

    @Test
    void nobodyButTheBoundPlayerReadsADebriefAndTheFirstBindingWins() {
        Round round = world.freshRound();
        Player kim = human(round, "kim");
        kim.solveLetter();
        Player sameTicketOtherSecret = new Player(round, kim.ticket, kim.token, Players.deviceSecret());
        assertThat(sameTicketOtherSecret.hold("Z-99").status()).isEqualTo(404); // recorded, but binds nothing

        kim.debrief(200);
        assertThat(sameTicketOtherSecret.debrief(404).problemSlug()).isEqualTo("unknown-debrief");
        Player lee = human(round, "lee");
        assertThat(api.send(
                                "GET",
                                "/api/v1/rounds/" + round.id() + "/debriefs/" + kim.ticket,
                                null,
                                null,
                                Map.of(SECRET_HEADER, lee.secret))
                        .status())
                .isEqualTo(404);
        assertThat(new Player(round, "t-" + UUID.randomUUID(), kim.token, kim.secret)
                        .debrief(404)
                        .problemSlug())
                .isEqualTo("unknown-debrief");
        // the seat attempt sent with the other secret is still the ticket's
        assertThat(steps(kim.debrief(200).json().path("timeline"))).endsWith("SEAT:Z-99:UNKNOWN_SEAT");
    }

    @Test
    void aSeatIdOfAnyCharactersIsKeptAsSentAndSpoilsNoDebriefNorTheArchive() {
        Round round = world.freshRound();
        Player kim = human(round, "kim");
        Player lee = human(round, "lee");
        kim.solveLetter();
        lee.solveLetter();
        String forged = "A-1|TAKEN|1|0|x%";
        assertThat(kim.hold(forged).status()).isEqualTo(404);

        assertThat(steps(kim.debrief(200).json().path("timeline"))).endsWith("SEAT:" + forged + ":UNKNOWN_SEAT");
        assertThat(steps(lee.debrief(200).json().path("timeline"))).endsWith("LETTER");

        world.clock.set(round.closesAt().plusSeconds(11));
        Players.awaitArchived(redis, round);
        redis.getKeys().deleteByPattern("{r:" + round.id() + "}*");
        assertThat(steps(kim.debrief(200).json().path("timeline")))
                .endsWith("SEAT:" + forged + ":UNKNOWN_SEAT CLOSED:pick");
        assertThat(lee.history(200).json().path("rounds").asLong()).isEqualTo(1);
    }

    @Test
    void historyAndDebriefsOutliveTheRoundsRedisKeysAndErasingLeavesNothing() {
        Round round = world.freshRound();
        Player kim = human(round, "kim");
        kim.solveLetter();
        Api.Response held = kim.hold("B-" + (1 + ThreadLocalRandom.current().nextInt(10)));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        String bookingId = kim.book(held.json().path("holdId").asString())
                .json()
                .path("bookingId")
                .asString();
        assertThat(Players.awaitFinal(api, bookingId, Duration.ofSeconds(10))
                        .path("status")
                        .asString())
                .isEqualTo("CONFIRMED");
        String live = kim.debrief(200).body();

        world.clock.set(round.closesAt().plusSeconds(11));
        Players.awaitArchived(redis, round);
        long deleted = redis.getKeys().deleteByPattern("{r:" + round.id() + "}*");
        assertThat(deleted).isPositive();

        JsonNode archived = kim.debrief(200).json();
        assertThat(archived).isEqualTo(Api.JSON.readTree(live));
        JsonNode history = kim.history(200).json();
        assertThat(history.path("rounds").asLong()).isEqualTo(1);
        assertThat(history.path("won").asLong()).isEqualTo(1);
        assertThat(history.path("wonPercent").asDouble()).isEqualTo(100.0);
        assertThat(history.path("attempts").get(0).path("ticketId").asString()).isEqualTo(kim.ticket);
        assertThat(history.path("personalBest").path("totalMs").asLong())
                .isEqualTo(archived.path("totalMs").asLong());
        assertThat(history.path("bests").path("totalMs").asLong())
                .isEqualTo(archived.path("totalMs").asLong());

        assertThat(kim.eraseHistory().status()).isEqualTo(204);
        assertThat(kim.eraseHistory().status()).isEqualTo(204);
        assertThat(kim.debrief(404).problemSlug()).isEqualTo("unknown-debrief");
        assertThat(kim.history(200).json().path("rounds").asLong()).isZero();
        assertThat(kim.history(200).json().path("attempts").isEmpty()).isTrue();
    }

    @Test
    void erasingDuringTheRoundErasesTheLiveAttempt() {
        Round round = world.freshRound();
        Player kim = human(round, "kim");
        kim.solveLetter();
        kim.debrief(200);

        assertThat(kim.eraseHistory().status()).isEqualTo(204);

        assertThat(kim.debrief(404).problemSlug()).isEqualTo("unknown-debrief");
    }

    @Test
    void aMissingOrMalformedSecretOrNicknameIsRefused() {
        Round round = world.freshRound();
        Player kim = human(round, "kim");
        kim.solveLetter();
        String path = "/api/v1/rounds/" + round.id() + "/debriefs/" + kim.ticket;

        assertThat(api.get(path).problemSlug()).isEqualTo("invalid-request");
        Api.Response malformed = api.send("GET", path, null, null, Map.of(SECRET_HEADER, "not+a/secret"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.problemSlug()).isEqualTo("invalid-request");
        Api.Response hold = api.post(
                "/api/v1/rounds/" + round.id() + "/holds",
                kim.token,
                "{\"seatId\":\"A-1\"}",
                Map.of(SECRET_HEADER, "short"));
        assertThat(hold.status()).isEqualTo(400);
        assertThat(hold.problemSlug()).isEqualTo("invalid-request");
        Api.Response nickname = api.send(
                "GET", "/api/v1/players/history?nickname=a%20b", null, null, Map.of(SECRET_HEADER, kim.secret));
        assertThat(nickname.status()).isEqualTo(400);
        assertThat(nickname.problemSlug()).isEqualTo("invalid-nickname");
        assertThat(api.send("DELETE", "/api/v1/players/history?nickname=kim", null, null, Map.of())
                        .problemSlug())
                .isEqualTo("invalid-request");
    }

    /** When a 201 hold was made: its expiry less the hold TTL (20 s, far from this round's close). */
    private static Instant heldAt(Api.Response held) {
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        return Instant.parse(held.json().path("expiresAt").asString()).minusSeconds(20);
    }

    /** ms between two instants (the debrief keeps whole ms: the bounds above allow 1 ms either way for that). */
    private static long ms(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    private static String botTicket(String token) {
        String payload = token.split("\\.")[1];
        return Api.JSON
                .readTree(java.util.Base64.getUrlDecoder().decode(payload))
                .path("sub")
                .asString();
    }

    /** Each step as {@code STEP}, {@code SEAT:<seat>:<result>} or {@code CLOSED:<stillOn>}, space separated. */
    private static String steps(JsonNode timeline) {
        StringBuilder text = new StringBuilder();
        for (JsonNode step : timeline) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(step.path("step").asString());
            if ("SEAT".equals(step.path("step").asString())) {
                text.append(':')
                        .append(step.path("seatId").asString())
                        .append(':')
                        .append(step.path("result").asString());
            }
            if ("CLOSED".equals(step.path("step").asString())) {
                text.append(':').append(step.path("stillOn").asString());
            }
        }
        return text.toString();
    }

    /** "solo" on the device of {@code secret}, alone in a fresh round: the letter, then {@code pick} after it a seat. */
    private Player winsAlone(String secret, Duration pick) {
        Round round = world.freshRound();
        Player solo = human(round, "solo", secret);
        solo.solveLetter();
        world.clock.set(world.clock.instant().plus(pick));
        solo.winSeat("C-1");
        return solo;
    }

    private Player human(Round round, String nickname) {
        return human(round, nickname, Players.deviceSecret());
    }

    /** {@code nickname} on the device of {@code secret}: the same player in every round it is given. */
    private Player human(Round round, String nickname, String secret) {
        String ticket = BookingStack.ticket();
        return new Player(round, ticket, world.token(round, ticket, nickname, false), secret);
    }

    /** A human as the web app plays: every booking call carries its device secret. */
    private final class Player {

        final Round round;
        final String ticket;
        final String token;
        final String secret;
        final String nickname;

        Player(Round round, String ticket, String token, String secret) {
            this.round = round;
            this.ticket = ticket;
            this.token = token;
            this.secret = secret;
            this.nickname = Api.JSON
                    .readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]))
                    .path("nick")
                    .asString();
        }

        Map<String, String> headers() {
            return Map.of(SECRET_HEADER, secret);
        }

        void solveLetter() {
            Api.Response letter = api.post("/api/v1/captcha", token, null, headers());
            assertThat(letter.status()).as(letter.toString()).isEqualTo(201);
            String id = letter.json().path("captchaId").asString();
            Api.Response answer = api.post("/api/v1/captcha/" + id, token, "{\"answer\":\"test42\"}", headers());
            assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
        }

        Api.Response hold(String seatId) {
            return Players.hold(api, token, round, seatId, headers());
        }

        Api.Response book(String holdId) {
            Map<String, String> headers = new HashMap<>(headers());
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
            return api.post("/api/v1/bookings", token, "{\"holdId\":\"" + holdId + "\"}", headers);
        }

        /** Holds {@code seatId} and books it, until the booking is confirmed. */
        void winSeat(String seatId) {
            Api.Response held = hold(seatId);
            assertThat(held.status()).as(held.toString()).isEqualTo(201);
            Api.Response booked = book(held.json().path("holdId").asString());
            assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
            JsonNode booking =
                    Players.awaitFinal(api, booked.json().path("bookingId").asString(), Duration.ofSeconds(10));
            assertThat(booking.path("status").asString()).isEqualTo("CONFIRMED");
        }

        Api.Response debrief(int status) {
            Api.Response response =
                    api.send("GET", "/api/v1/rounds/" + round.id() + "/debriefs/" + ticket, null, null, headers());
            assertThat(response.status()).as(response.toString()).isEqualTo(status);
            return response;
        }

        Api.Response history(int status) {
            Api.Response response =
                    api.send("GET", "/api/v1/players/history?nickname=" + nickname, null, null, headers());
            assertThat(response.status()).as(response.toString()).isEqualTo(status);
            return response;
        }

        Api.Response eraseHistory() {
            return api.send("DELETE", "/api/v1/players/history?nickname=" + nickname, null, null, headers());
        }
    }
}
