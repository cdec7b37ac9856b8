package dev.ticketingwarrior.booking.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.Bookings;
import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Rank, median, histogram and top list from SQL on a known set of durations, bots excluded from the field. */
class RankingSqlIT {

    private final BookingStack world = BookingStack.get();
    private final Api api = world.api(world.first());

    @Test
    void ranksHumansOnlyAndSummarisesTheRound() {
        Round round = world.freshRound();
        Map<String, String> ids = new java.util.HashMap<>();
        List<AcceptedBooking> messages = new ArrayList<>();
        long[] humans = {1000, 2000, 2000, 3000, 5000};
        long[] bots = {500, 1500, 4000};
        for (int i = 0; i < humans.length; i++) {
            messages.add(message(round, "human" + i, false, humans[i], "A-" + (i + 1), ids));
        }
        for (int i = 0; i < bots.length; i++) {
            messages.add(message(round, "bot" + i, true, bots[i], "B-" + (i + 1), ids));
        }
        world.first().getBean(Bookings.class).confirm(messages, "test-write");

        JsonNode second = booking(ids.get("human1"));
        assertThat(second.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(second.path("durationMs").asLong()).isEqualTo(2000);
        assertThat(second.path("rank").path("round").path("position").asLong()).isEqualTo(2);
        assertThat(second.path("rank").path("round").path("total").asLong()).isEqualTo(5);
        assertThat(second.path("rank").path("round").path("topPercent").asDouble())
                .isEqualTo(40.0);
        assertThat(second.path("rank").path("botsBeatenPercent").asDouble()).isEqualTo(33.3);
        JsonNode tie = booking(ids.get("human2"));
        assertThat(tie.path("rank").path("round").path("position").asLong()).isEqualTo(2);

        JsonNode best = booking(ids.get("human0"));
        assertThat(best.path("rank").path("round").path("topPercent").asDouble())
                .isEqualTo(20.0);
        assertThat(best.path("rank").path("round").path("tier").asString()).isEqualTo("중상위권");
        assertThat(best.path("rank").path("botsBeatenPercent").asDouble()).isEqualTo(66.6);
        JsonNode week = best.path("rank").path("week");
        assertThat(week.path("total").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(week.path("position").asLong())
                .isLessThanOrEqualTo(week.path("total").asLong());

        assertThat(booking(ids.get("bot0")).path("rank").isNull()).isTrue();

        JsonNode results = api.get("/api/v1/rounds/" + round.id() + "/results").json();
        assertThat(results.path("seats").path("total").asLong()).isEqualTo(100);
        assertThat(results.path("seats").path("sold").asLong()).isEqualTo(8);
        assertThat(results.path("soldOutMs").isNull()).isTrue();
        assertThat(results.path("humans").path("count").asLong()).isEqualTo(5);
        assertThat(results.path("humans").path("bestMs").asLong()).isEqualTo(1000);
        assertThat(results.path("humans").path("medianMs").asLong()).isEqualTo(2000);
        assertThat(results.path("bots").path("count").asLong()).isEqualTo(3);
        assertThat(results.path("bots").path("bestMs").asLong()).isEqualTo(500);
        assertThat(results.path("bots").path("medianMs").asLong()).isEqualTo(1500);
        List<long[]> buckets = new ArrayList<>();
        for (JsonNode bucket : results.path("histogram").path("buckets")) {
            buckets.add(new long[] {
                bucket.path("fromMs").asLong(),
                bucket.path("humans").asLong(),
                bucket.path("bots").asLong()
            });
        }
        assertThat(buckets)
                .containsExactly(
                        new long[] {0, 0, 1},
                        new long[] {1000, 1, 1},
                        new long[] {2000, 2, 0},
                        new long[] {3000, 1, 0},
                        new long[] {4000, 0, 1},
                        new long[] {5000, 1, 0});
        List<Long> top = new ArrayList<>();
        results.path("topHumans")
                .forEach(leader -> top.add(leader.path("durationMs").asLong()));
        assertThat(top).containsExactly(1000L, 2000L, 2000L, 3000L, 5000L);

        JsonNode leaderboard = api.get("/api/v1/leaderboard?period=week").json();
        List<Long> durations = new ArrayList<>();
        leaderboard
                .path("entries")
                .forEach(e -> durations.add(e.path("durationMs").asLong()));
        assertThat(durations).isSorted().isNotEmpty();
        assertThat(api.get("/api/v1/leaderboard?period=day").status()).isEqualTo(200);
    }

    @Test
    void rankQueriesUseTheRankingIndex() {
        JdbcTemplate jdbc = world.first().getBean(JdbcTemplate.class);
        List<Map<String, Object>> plan = jdbc.queryForList(
                "EXPLAIN SELECT COUNT(*) FROM bookings WHERE round_id = ? AND bot = FALSE AND duration_ms < ?",
                "20310303T000000Z",
                1000);
        assertThat(plan.getFirst().get("key")).isEqualTo("ix_bookings_round_rank");
        List<Map<String, Object>> week = jdbc.queryForList(
                "EXPLAIN SELECT booking_id FROM bookings WHERE booked_week = ? AND bot = FALSE"
                        + " ORDER BY duration_ms LIMIT 20",
                "2031-03-03");
        assertThat(week.getFirst().get("key")).isEqualTo("ix_bookings_week_rank");
    }

    /**
     * A leaderboard's page (JdbcRankings' walk, after a booking) is a range of the rank index in its own order, read
     * from the index alone: no sort, no row read for a booking the board skips.
     */
    @Test
    void aLeaderboardPageReadsTheRankIndexAloneInItsOrder() {
        JdbcTemplate jdbc = world.first().getBean(JdbcTemplate.class);
        for (String column : List.of("booked_day", "booked_week")) {
            List<Map<String, Object>> plan = jdbc.queryForList(
                    "EXPLAIN SELECT booking_id, duration_ms, player_id FROM bookings WHERE " + column
                            + " = ? AND bot = FALSE AND (duration_ms > ? OR (duration_ms = ? AND booking_id > ?))"
                            + " ORDER BY duration_ms, booking_id LIMIT 80",
                    "2031-03-03",
                    1000,
                    1000,
                    "20310303T000000Z-a");
            assertThat(plan).hasSize(1);
            assertThat(plan.getFirst().get("key"))
                    .isEqualTo(column.equals("booked_day") ? "ix_bookings_day_rank" : "ix_bookings_week_rank");
            assertThat(String.valueOf(plan.getFirst().get("Extra")))
                    .as(plan.toString())
                    .contains("Using index")
                    .doesNotContain("filesort");
        }
    }

    private JsonNode booking(String id) {
        Api.Response response = api.get("/api/v1/bookings/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static AcceptedBooking message(
            Round round, String name, boolean bot, long durationMs, String seat, Map<String, String> ids) {
        String id = round.id().value() + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        ids.put(name, id);
        Instant open = round.opensAt();
        return new AcceptedBooking(
                new BookingId(round.id(), id),
                seat,
                "t-" + UUID.randomUUID(),
                name,
                bot,
                1,
                open,
                open.plusMillis(100),
                open.plusMillis(200),
                open.plusMillis(300),
                open.plusMillis(durationMs),
                Optional.empty());
    }
}
