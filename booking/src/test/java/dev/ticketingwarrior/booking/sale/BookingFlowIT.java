package dev.ticketingwarrior.booking.sale;

import static dev.ticketingwarrior.booking.support.Players.book;
import static dev.ticketingwarrior.booking.support.Players.hold;
import static dev.ticketingwarrior.booking.support.Players.solveCaptcha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.sale.domain.HoldRecord;
import dev.ticketingwarrior.booking.sale.domain.Holds;
import dev.ticketingwarrior.booking.sale.redis.RoundKeys;
import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.booking.support.Heard;
import dev.ticketingwarrior.booking.support.Players;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.wire.SharedRoundKeys;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RMap;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import tools.jackson.databind.JsonNode;

class BookingFlowIT {

    private final BookingStack world = BookingStack.get();
    private final Api api = world.api(world.first());
    private Round round;

    @BeforeEach
    void freshRound() {
        round = world.freshRound();
    }

    @Test
    void humanSolvesLetterHoldsBooksAndIsConfirmedWithSplitsAndRank() {
        String token = world.token(round, BookingStack.ticket(), "플레이어_1", false);
        solveCaptcha(api, token);

        Api.Response held = hold(api, token, round, "A-1");
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(held.json().path("seatId").asString()).isEqualTo("A-1");
        assertThat(seatStatus("A-1")).isEqualTo("HELD");

        Api.Response booked = book(api, token, held.json().path("holdId").asString(), "key-1");
        assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
        assertThat(booked.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(seatStatus("A-1")).isEqualTo("SOLD");

        JsonNode result =
                Players.awaitFinal(api, booked.json().path("bookingId").asString(), Duration.ofSeconds(20));
        assertThat(result.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(result.path("seatId").asString()).isEqualTo("A-1");
        assertThat(result.path("nickname").asString()).isEqualTo("플레이어_1");
        assertThat(result.path("splits").path("entryMs").asLong()).isEqualTo(200);
        assertThat(result.path("splits").path("waitMs").asLong()).isEqualTo(300);
        assertThat(result.path("durationMs").asLong()).isGreaterThanOrEqualTo(1000);
        assertThat(result.path("rank").path("round").path("position").asLong()).isEqualTo(1);
        assertThat(result.path("rank").path("round").path("topPercent").asDouble())
                .isEqualTo(100.0);
        assertThat(redis().getSet(SharedRoundKeys.finishedPlayers(round.id()), StringCodec.INSTANCE)
                        .size())
                .isEqualTo(1);
    }

    /**
     * maxActive (SPEC §4): a bot that cancels (취소표) is gone, and its slot goes to the next player at once; a human who
     * lets a seat go picks another and still counts as playing (reported gone, its slot given away and taken back by
     * its next hold, admission would be over the cap).
     */
    @Test
    void aBotThatReleasesItsHoldIsGoneAndAHumanWhoReleasesPlaysOn() {
        RSet<String> finished = redis().getSet(SharedRoundKeys.finishedPlayers(round.id()), StringCodec.INSTANCE);
        String bot = BookingStack.ticket();
        holdAndCancelAsBot(world.token(round, bot, "canceller", true), "C-3");
        assertThat(finished.contains(bot)).isTrue();

        String human = BookingStack.ticket();
        String token = world.token(round, human, "switcher", false);
        solveCaptcha(api, token);
        String holdId = hold(api, token, round, "C-4").json().path("holdId").asString();
        assertThat(api.delete("/api/v1/holds/" + holdId, token).status()).isEqualTo(204);
        assertThat(finished.contains(human)).isFalse();
        assertThat(hold(api, token, round, "C-7").status()).isEqualTo(201);
        assertThat(finished.contains(human)).isFalse();
    }

    /**
     * maxActive (SPEC §4): a letter answered and a seat held are signs of life, so admission does not time out the slot
     * of a player who is still playing; a ticket admission never admitted is not added to its set.
     */
    @Test
    void answeringTheLetterAndHoldingASeatKeepThePlayerActiveForAdmission() {
        RScoredSortedSet<String> active =
                redis().getScoredSortedSet(SharedRoundKeys.activePlayers(round.id()), StringCodec.INSTANCE);
        active.add(round.opensAt().toEpochMilli(), "7"); // admitted at the open
        String token = world.token(round, round.id().value() + "-7-0123456789abcdef01234567", "alive", false);

        long answering = world.clock.millis();
        solveCaptcha(api, token);
        assertThat(active.getScore("7")).isBetween((double) answering, (double) world.clock.millis());

        world.clock.set(world.clock.instant().plusSeconds(3)); // the seat picked 3 s later
        long holding = world.clock.millis();
        assertThat(hold(api, token, round, "E-5").status()).isEqualTo(201);
        assertThat(active.getScore("7")).isBetween((double) holding, (double) world.clock.millis());

        String stranger = world.token(round, round.id().value() + "-8-0123456789abcdef01234568", "never_in", false);
        solveCaptcha(api, stranger);
        assertThat(hold(api, stranger, round, "E-6").status()).isEqualTo(201);
        assertThat(active.readAll()).containsExactly("7");
    }

    /**
     * A sign of life never moves a score back (another instance's clock may be behind), and a player admission had
     * timed out for its silence comes back when it plays after all (no maxActive set): active again, no longer counted
     * as gone.
     */
    @Test
    void aSignOfLifeNeverGoesBackAndBringsBackAPlayerAdmissionTimedOut() {
        RScoredSortedSet<String> active =
                redis().getScoredSortedSet(SharedRoundKeys.activePlayers(round.id()), StringCodec.INSTANCE);
        RSet<String> abandoned = redis().getSet(SharedRoundKeys.abandonedPlayers(round.id()), StringCodec.INSTANCE);
        long later = world.clock.millis() + 60_000;
        active.add(later, "11"); // a sign of life another instance stamped by a clock a minute ahead
        String ahead = round.id().value() + "-11-0123456789abcdef01234511";
        solveCaptcha(api, world.token(round, ahead, "ahead", false));
        assertThat(active.getScore("11")).isEqualTo((double) later);

        String gone = round.id().value() + "-12-0123456789abcdef01234512";
        abandoned.add(gone); // timed out by admission: not in the active set any more
        String token = world.token(round, gone, "came_back", false);
        long answering = world.clock.millis();
        solveCaptcha(api, token);
        assertThat(abandoned.contains(gone)).isFalse();
        assertThat(active.getScore("12")).isBetween((double) answering, (double) world.clock.millis());
        assertThat(redis().getKeys().remainTimeToLive(SharedRoundKeys.activePlayers(round.id())))
                .as("a set it recreated expires")
                .isPositive();
    }

    /**
     * maxActive (SPEC §4): a player admission timed out has had its place given to the next in line. Coming back would
     * take the round past the cap when it is full, so its moves are refused (403 place-released) and change nothing:
     * the letter is not used up, no seat is held (its lock given back), it stays timed out. Once a place frees up it
     * comes back as before.
     */
    @Test
    void aPlayerTimedOutIsRefusedItsPlaceBackWhileTheRoundIsFull() {
        RMap<String, String> serving = redis().getMap(SharedRoundKeys.serving(round.id()), StringCodec.INSTANCE);
        RSet<String> abandoned = redis().getSet(SharedRoundKeys.abandonedPlayers(round.id()), StringCodec.INSTANCE);
        RSet<String> finished = redis().getSet(SharedRoundKeys.finishedPlayers(round.id()), StringCodec.INSTANCE);
        // 3 admitted, at most 2 active: #21 timed out and its place went to #23; #22 and #23 play
        serving.putAll(Map.of(SharedRoundKeys.SERVED_FIELD, "3", SharedRoundKeys.MAX_ACTIVE_FIELD, "2"));
        String gone = round.id().value() + "-21-0123456789abcdef01234521";
        abandoned.add(gone);
        String token = world.token(round, gone, "slow_one", false);

        Api.Response letter = api.post("/api/v1/captcha", token, null);
        assertThat(letter.status()).as(letter.toString()).isEqualTo(201);
        String letterId = letter.json().path("captchaId").asString();
        Api.Response refused = api.post("/api/v1/captcha/" + letterId, token, "{\"answer\":\"test42\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().path("type").asString()).endsWith("/place-released");
        assertThat(abandoned.contains(gone)).as("still timed out").isTrue();

        String other = world.token(round, BookingStack.ticket(), "has_a_place", false);
        solveCaptcha(api, other);
        Api.Response held = hold(api, other, round, "F-1");
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(book(api, other, held.json().path("holdId").asString()).status())
                .isEqualTo(202); // another player books: finished, so a place is free
        assertThat(finished.size()).isEqualTo(1);

        Api.Response answered = api.post("/api/v1/captcha/" + letterId, token, "{\"answer\":\"test42\"}");
        assertThat(answered.status())
                .as("the letter was left as it was, and there is room now: " + answered)
                .isEqualTo(204);
        assertThat(abandoned.contains(gone)).isFalse();
    }

    /** A hold refused for a place released writes nothing and gives the seat's lock back. */
    @Test
    void aHoldRefusedForAReleasedPlaceLeavesTheSeatFree() {
        String gone = round.id().value() + "-31-0123456789abcdef01234531";
        String token = world.token(round, gone, "slow_two", false);
        solveCaptcha(api, token); // while it still had its place
        RMap<String, String> serving = redis().getMap(SharedRoundKeys.serving(round.id()), StringCodec.INSTANCE);
        serving.putAll(Map.of(SharedRoundKeys.SERVED_FIELD, "2", SharedRoundKeys.MAX_ACTIVE_FIELD, "1"));
        redis().getSet(SharedRoundKeys.abandonedPlayers(round.id()), StringCodec.INSTANCE)
                .add(gone); // then timed out, its place given to #32

        Api.Response refused = hold(api, token, round, "F-2");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().path("type").asString()).endsWith("/place-released");
        assertThat(seatStatus("F-2")).isEqualTo("AVAILABLE");

        String other = world.token(round, BookingStack.ticket(), "next_in_line", false);
        solveCaptcha(api, other);
        assertThat(hold(api, other, round, "F-2").status())
                .as("the lock was given back")
                .isEqualTo(201);
    }

    /**
     * A bot that released its hold is done (finished) and its place goes to the next player. Holding again, it comes
     * back only while the round has room under maxActive, and then counts as active again: back in admission's active
     * set (which dropped it), so its silence times it out like anyone's.
     */
    @Test
    void aBotThatHoldsAgainAfterReleasingComesBackOnlyWithRoomAndIsActiveAgain() {
        RMap<String, String> serving = redis().getMap(SharedRoundKeys.serving(round.id()), StringCodec.INSTANCE);
        RSet<String> finished = redis().getSet(SharedRoundKeys.finishedPlayers(round.id()), StringCodec.INSTANCE);
        RScoredSortedSet<String> active =
                redis().getScoredSortedSet(SharedRoundKeys.activePlayers(round.id()), StringCodec.INSTANCE);
        String bot = round.id().value() + "-41-0123456789abcdef01234541";
        String token = world.token(round, bot, "returner", true);
        Map<String, String> botKey = Map.of("X-Bot-Key", BookingStack.BOT_KEY);
        holdAndCancelAsBot(token, "G-1");
        assertThat(finished.contains(bot)).isTrue();
        // 2 admitted, at most 1 active: the bot's place went to #42, who plays
        serving.putAll(Map.of(SharedRoundKeys.SERVED_FIELD, "2", SharedRoundKeys.MAX_ACTIVE_FIELD, "1"));

        Api.Response refused = hold(api, token, round, "G-2", botKey);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().path("type").asString()).endsWith("/place-released");
        assertThat(finished.contains(bot)).as("still done").isTrue();

        serving.put(SharedRoundKeys.MAX_ACTIVE_FIELD, "2");
        long holding = world.clock.millis();
        assertThat(hold(api, token, round, "G-2", botKey).status()).isEqualTo(201);
        assertThat(finished.contains(bot)).isFalse();
        assertThat(active.getScore("41")).as("active again, from this hold").isBetween((double) holding, (double)
                world.clock.millis());
    }

    /** A release that lost the race to the ticket's next hold (its find ran first, its close after) marks nothing. */
    @Test
    void aReleaseOvertakenByTheTicketsNextHoldLeavesThePlayerActive() {
        String ticket = BookingStack.ticket();
        String token = world.token(round, ticket, "racer", false);
        solveCaptcha(api, token);
        RSet<String> finished = redis().getSet(SharedRoundKeys.finishedPlayers(round.id()), StringCodec.INSTANCE);
        Holds holds = world.first().getBean(Holds.class);

        String first = hold(api, token, round, "C-5").json().path("holdId").asString();
        HoldRecord found = holds.find(round.id(), first).orElseThrow(); // the release's find
        assertThat(hold(api, token, round, "C-6").status()).isEqualTo(201); // the next hold lands in between

        holds.close(round.id(), found, true, Duration.ofMinutes(10)); // the release's close, late
        assertThat(finished.contains(ticket))
                .as("the player holds C-6: still playing")
                .isFalse();
    }

    @Test
    void anOldRoundsSeatMapShowsWhatWasSoldOnceItsKeysAreGone() {
        String token = world.token(round, BookingStack.ticket(), "old_round", false);
        solveCaptcha(api, token);
        String holdId = hold(api, token, round, "D-4").json().path("holdId").asString();
        Api.Response booked = book(api, token, holdId, "old-round");
        assertThat(Players.awaitFinal(api, booked.json().path("bookingId").asString(), Duration.ofSeconds(20))
                        .path("status")
                        .asString())
                .isEqualTo("CONFIRMED");

        // 10 minutes after the round ends its keys are gone: the map comes from MySQL's confirmed rows
        world.clock.set(round.endsAt().plus(Duration.ofMinutes(11)));
        RoundKeys keys = new RoundKeys(round.id());
        redis().getKeys().delete(keys.soldSeats(), keys.heldSeats());
        // public after the close: no token
        assertThat(seatStatus("D-4", null)).isEqualTo("SOLD");
        assertThat(seatStatus("D-5", null)).isEqualTo("AVAILABLE");
    }

    @Test
    void sameIdempotencyKeyGivesTheSameAnswerAndAnotherBodyIsRefused() {
        String token = world.token(round, BookingStack.ticket(), "again", false);
        solveCaptcha(api, token);
        String holdId = hold(api, token, round, "B-2").json().path("holdId").asString();

        Api.Response first = book(api, token, holdId, "same-key");
        Api.Response second = book(api, token, holdId, "same-key");
        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json()).isEqualTo(first.json());

        Api.Response otherBody = book(api, token, "aaaaaaaaaaaaaaaaaaaaaa", "same-key");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.problemSlug()).isEqualTo("idempotency-key-reused");

        Api.Response otherKey = book(api, token, holdId, "another-key");
        assertThat(otherKey.status()).isEqualTo(409);
        assertThat(otherKey.problemSlug()).isEqualTo("already-booked");
    }

    @Test
    void bookingWithoutIdempotencyKeyIsRefused() {
        String token = world.token(round, BookingStack.ticket(), "nokey", false);
        Api.Response response =
                api.post("/api/v1/bookings", token, "{\"holdId\":\"aaaaaaaaaaaaaaaaaaaaaa\"}", Map.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemSlug()).isEqualTo("idempotency-key-required");
    }

    @Test
    void holdRequiresASolvedLetterAndAWrongAnswerUsesTheLetterUp() {
        String token = world.token(round, BookingStack.ticket(), "nocaptcha", false);
        Api.Response refused = hold(api, token, round, "C-3");
        assertThat(refused.status()).isEqualTo(428);
        assertThat(refused.problemSlug()).isEqualTo("captcha-required");
        assertThat(refused.contentType()).startsWith("application/problem+json");

        Api.Response letter = api.post("/api/v1/captcha", token, null);
        assertThat(letter.json().path("image").asString()).startsWith("data:image/png;base64,");
        String id = letter.json().path("captchaId").asString();
        Api.Response wrong = api.post("/api/v1/captcha/" + id, token, "{\"answer\":\"nope\"}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.problemSlug()).isEqualTo("wrong-answer");
        Api.Response reused = api.post("/api/v1/captcha/" + id, token, "{\"answer\":\"TEST42\"}");
        assertThat(reused.status()).isEqualTo(404);
        assertThat(hold(api, token, round, "C-3").status()).isEqualTo(428);
    }

    @Test
    void aLetterBelongsToTheTicketItWasIssuedToAndARightAnswerSentAgainIsStillRight() {
        String mine = world.token(round, BookingStack.ticket(), "mine", false);
        String other = world.token(round, BookingStack.ticket(), "other", false);
        String id =
                api.post("/api/v1/captcha", mine, null).json().path("captchaId").asString();
        assertThat(api.post("/api/v1/captcha/" + id, other, "{\"answer\":\"TEST42\"}")
                        .status())
                .isEqualTo(404);
        // a stranger's guess did not use the letter up
        assertThat(api.post("/api/v1/captcha/" + id, mine, "{\"answer\":\" test42 \"}")
                        .status())
                .isEqualTo(204);
        // the same answer again, as after a lost reply: still solved, not 404
        assertThat(api.post("/api/v1/captcha/" + id, mine, "{\"answer\":\"TEST42\"}")
                        .status())
                .isEqualTo(204);
        assertThat(hold(api, mine, round, "C-7").status()).isEqualTo(201);
    }

    /** The letter read aloud, for a player who cannot see it: its own ticket's only, and hearing it uses nothing up. */
    @Test
    void aLetterIsHeardByItsOwnTicketAsAWavFileWithoutUsingItUp() {
        String mine = world.token(round, BookingStack.ticket(), "listener", false);
        String other = world.token(round, BookingStack.ticket(), "eavesdropper", false);
        String id =
                api.post("/api/v1/captcha", mine, null).json().path("captchaId").asString();
        String audio = "/api/v1/captcha/" + id + "/audio";

        HttpResponse<byte[]> heard = api.getBytes(audio, mine);
        assertThat(heard.statusCode()).isEqualTo(200);
        assertThat(heard.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(heard.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(Heard.of(heard.body()).seconds())
                .as("six characters said once, one by one")
                .isBetween(2.0, 9.0);

        assertThat(api.getBytes(audio, other).statusCode()).isEqualTo(404);
        assertThat(api.getBytes(audio, null).statusCode()).isEqualTo(401);
        assertThat(api.getBytes("/api/v1/captcha/not-a-letter/audio", mine).statusCode())
                .isEqualTo(404);
        // heard twice and still open: answered as any letter is
        assertThat(api.getBytes(audio, mine).statusCode()).isEqualTo(200);
        assertThat(api.post("/api/v1/captcha/" + id, mine, "{\"answer\":\"test42\"}")
                        .status())
                .isEqualTo(204);
        Api.Response answered = api.get(audio, mine);
        assertThat(answered.status()).isEqualTo(404);
        assertThat(answered.problemSlug()).isEqualTo("unknown-captcha");
    }

    @Test
    void keyedBotsSkipTheLetterButAWrongBotKeyIsRefused() {
        String token = world.token(round, BookingStack.ticket(), "bot-1", true);
        Api.Response held = api.post(
                "/api/v1/rounds/" + round.id() + "/holds",
                token,
                "{\"seatId\":\"D-4\"}",
                Map.of("X-Bot-Key", BookingStack.BOT_KEY));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);

        Api.Response wrongKey = api.post(
                "/api/v1/rounds/" + round.id() + "/holds", token, "{\"seatId\":\"D-5\"}", Map.of("X-Bot-Key", "guess"));
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.problemSlug()).isEqualTo("invalid-bot-key");

        // a bot token without its key is treated like a human: it needs the letter
        assertThat(hold(api, token, round, "D-6").status()).isEqualTo(428);
    }

    @Test
    void aTakenSeatIsRefusedAndAnUnknownSeatIsNotFound() {
        String first = world.token(round, BookingStack.ticket(), "first", false);
        String second = world.token(round, BookingStack.ticket(), "second", false);
        solveCaptcha(api, first);
        solveCaptcha(api, second);
        assertThat(hold(api, first, round, "E-5").status()).isEqualTo(201);

        Api.Response taken = hold(world.api(world.second()), second, round, "E-5");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.problemSlug()).isEqualTo("seat-taken");

        Api.Response unknown = hold(api, second, round, "Z-99");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemSlug()).isEqualTo("unknown-seat");
    }

    @Test
    void aNewHoldReleasesThePreviousOne() {
        String token = world.token(round, BookingStack.ticket(), "changer", false);
        solveCaptcha(api, token);
        String firstHold = hold(api, token, round, "F-1").json().path("holdId").asString();
        assertThat(hold(api, token, round, "F-2").status()).isEqualTo(201);

        assertThat(seatStatus("F-1")).isEqualTo("AVAILABLE");
        assertThat(seatStatus("F-2")).isEqualTo("HELD");
        String other = world.token(round, BookingStack.ticket(), "other", false);
        solveCaptcha(api, other);
        assertThat(hold(api, other, round, "F-1").status()).isEqualTo(201);
        assertThat(book(api, token, firstHold).status()).isEqualTo(404);
    }

    @Test
    void releasingAHoldReturnsTheSeatAndOnlyTheOwnerMayRelease() {
        String token = world.token(round, BookingStack.ticket(), "leaver", false);
        String stranger = world.token(round, BookingStack.ticket(), "stranger", false);
        solveCaptcha(api, token);
        String holdId = hold(api, token, round, "G-7").json().path("holdId").asString();

        assertThat(api.delete("/api/v1/holds/" + holdId, stranger).status()).isEqualTo(404);
        assertThat(seatStatus("G-7")).isEqualTo("HELD");
        assertThat(api.delete("/api/v1/holds/" + holdId, token).status()).isEqualTo(204);
        assertThat(seatStatus("G-7")).isEqualTo("AVAILABLE");
        assertThat(api.delete("/api/v1/holds/" + holdId, token).status()).isEqualTo(404);
    }

    /** A bot holds {@code seatId} and lets it go (취소표): done with the round. */
    private void holdAndCancelAsBot(String token, String seatId) {
        Map<String, String> botKey = Map.of("X-Bot-Key", BookingStack.BOT_KEY);
        String holdId =
                hold(api, token, round, seatId, botKey).json().path("holdId").asString();
        assertThat(api.send("DELETE", "/api/v1/holds/" + holdId, token, null, botKey)
                        .status())
                .isEqualTo(204);
    }

    private String seatStatus(String seatId) {
        return seatStatus(seatId, world.viewer(round));
    }

    private String seatStatus(String seatId, String token) {
        Api.Response map = api.get("/api/v1/rounds/" + round.id() + "/seats", token);
        assertThat(map.status()).isEqualTo(200);
        for (JsonNode seat : map.json().path("seats")) {
            if (seat.path("id").asString().equals(seatId)) {
                return seat.path("status").asString();
            }
        }
        throw new AssertionError("no seat " + seatId);
    }

    private RedissonClient redis() {
        return world.first().getBean(RedissonClient.class);
    }
}
