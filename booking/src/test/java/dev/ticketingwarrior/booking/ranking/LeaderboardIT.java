package dev.ticketingwarrior.booking.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.booking.support.Players;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The day's and week's leaderboards list each player once, at its best booking (SPEC §5 "best humans", decision 0012's
 * 2026-12-05 amendment), over the real stack: the player's id travels from the booking request through SQS to its row.
 */
class LeaderboardIT {

    private static final String SECRET_HEADER = "X-Player-Secret";

    private final BookingStack world = BookingStack.get();
    private final Api api = world.api(world.first());

    @Test
    void aPlayerWhoBookedInTwoRoundsOfTheDayIsListedOnceAtItsBetterTime() {
        List<Round> rounds = world.roundsOfALoneWeek(2);
        Round first = rounds.get(0);
        Round second = rounds.get(1);
        String kim = Players.deviceSecret();

        String kimSlower = book(first, "kim", kim, "A-1", 3000);
        String lee = book(first, "lee", Players.deviceSecret(), "A-2", 2000);
        String anonymousFirst = book(first, "anon", null, "A-3", 4000);
        String kimFaster = book(second, "kim", kim, "A-1", 1000);
        String anonymousSecond = book(second, "anon", null, "A-2", 5000);

        for (String period : List.of("day", "week")) {
            JsonNode entries = leaderboard(period);
            assertThat(bookingIds(entries))
                    .as(period + ": kim once, at its second round; each booking without a secret its own row")
                    .containsExactly(kimFaster, lee, anonymousFirst, anonymousSecond);
            JsonNode best = entries.get(0);
            assertThat(best.path("nickname").asString()).isEqualTo("kim");
            assertThat(best.path("roundId").asString()).isEqualTo(second.id().value());
            assertThat(best.path("durationMs").asLong())
                    .as("the better time: 1 s after its open plus the calls' own time, not the 3 s of its first round")
                    .isGreaterThanOrEqualTo(1000L)
                    .isLessThan(3000L);
            assertThat(new ArrayList<>(best.propertyNames()))
                    .as("the player stays private: the entry's shape is unchanged")
                    .containsExactly("bookingId", "roundId", "nickname", "seatId", "durationMs");
        }
        Map<String, String> players = playerIds(List.of(kimSlower, kimFaster, lee, anonymousFirst));
        assertThat(players.get(kimSlower))
                .isEqualTo(players.get(kimFaster))
                .isEqualTo(PlayerId.of("kim", kim).value());
        assertThat(players.get(lee)).isNotNull().isNotEqualTo(players.get(kimFaster));
        assertThat(players.get(anonymousFirst)).isNull();
    }

    /**
     * A human books {@code seat} of {@code round} {@code durationMs} after its open (plus the calls' own time), sending
     * {@code secret} as its device secret (null: none); returns the booking id once it is CONFIRMED.
     */
    private String book(Round round, String nickname, String secret, String seat, long durationMs) {
        world.clock.set(round.opensAt().plusMillis(durationMs));
        String token = world.token(round, BookingStack.ticket(), nickname, false);
        Map<String, String> headers = new HashMap<>();
        if (secret != null) {
            headers.put(SECRET_HEADER, secret);
        }
        Players.solveCaptcha(api, token);
        Api.Response held = Players.hold(api, token, round, seat, headers);
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        Api.Response booked = api.post(
                "/api/v1/bookings",
                token,
                "{\"holdId\":\"" + held.json().path("holdId").asString() + "\"}",
                headers);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(202);
        String bookingId = booked.json().path("bookingId").asString();
        JsonNode result = Players.awaitFinal(api, bookingId, Duration.ofSeconds(20));
        assertThat(result.path("status").asString()).as(result.toString()).isEqualTo("CONFIRMED");
        return bookingId;
    }

    private JsonNode leaderboard(String period) {
        Api.Response response = api.get("/api/v1/leaderboard?period=" + period);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("entries");
    }

    private static List<String> bookingIds(JsonNode entries) {
        List<String> ids = new ArrayList<>();
        entries.forEach(entry -> ids.add(entry.path("bookingId").asString()));
        return ids;
    }

    private Map<String, String> playerIds(List<String> bookingIds) {
        JdbcTemplate jdbc = world.first().getBean(JdbcTemplate.class);
        Map<String, String> players = new HashMap<>();
        for (String id : bookingIds) {
            players.put(
                    id, jdbc.queryForObject("SELECT player_id FROM bookings WHERE booking_id = ?", String.class, id));
        }
        return players;
    }
}
