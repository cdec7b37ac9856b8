package dev.ticketingwarrior.booking.ranking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.booking.seat.domain.Venue;
import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The day's and week's leaderboards: each player once, at its best booking, on an in-memory walk of the bookings. */
class RankingServiceTests {

    /** A Wednesday; its week starts on Monday 2031-03-03. */
    private static final Instant NOW = Instant.parse("2031-03-05T12:00:00Z");

    private static final LocalDate TODAY = LocalDate.parse("2031-03-05");
    private static final LocalDate MONDAY = LocalDate.parse("2031-03-03");
    private static final PlayerId KIM = PlayerId.of("kim", "kims-device-secret-22-chars");
    private static final PlayerId LEE = PlayerId.of("lee", "lees-device-secret-22-chars");
    private static final PlayerId PARK = PlayerId.of("park", "parks-device-secret-22-chars");

    private final BookingsInMemory rankings = new BookingsInMemory();

    @Test
    void listsEachPlayerOnceAtItsBestBookingAndEveryBookingOfNoKnownPlayer() {
        rankings.book(TODAY, "b-1", 3000, "kim", KIM);
        rankings.book(TODAY, "b-2", 1000, "kim", KIM);
        rankings.book(TODAY, "b-3", 2000, "lee", LEE);
        rankings.book(TODAY, "b-4", 4000, "anon", null);
        rankings.book(TODAY, "b-5", 5000, "anon", null);

        List<Rankings.Leader> board =
                service(20).leaderboard(RankingService.Period.DAY).entries();

        assertThat(board).extracting(Rankings.Leader::bookingId).containsExactly("b-2", "b-3", "b-4", "b-5");
        assertThat(board).extracting(Rankings.Leader::durationMs).containsExactly(1000L, 2000L, 4000L, 5000L);
        assertThat(rankings.pages).as("one page is the usual read").containsExactly(80);
        assertThat(rankings.leaderReads).containsExactly(List.of("b-2", "b-3", "b-4", "b-5"));
    }

    @Test
    void equalTimesAreOrderedByBookingIdAndAPlayersEqualBookingsCountOnce() {
        rankings.book(TODAY, "b-9", 1500, "lee", LEE);
        rankings.book(TODAY, "b-7", 1500, "kim", KIM);
        rankings.book(TODAY, "b-8", 1500, "kim", KIM);

        assertThat(service(20).leaderboard(RankingService.Period.DAY).entries())
                .extracting(Rankings.Leader::bookingId)
                .containsExactly("b-7", "b-9");
    }

    @Test
    void walksOnPastAPlayerWhoFillsTheFirstPagesInLongerPages() {
        for (int i = 0; i < 20; i++) {
            rankings.book(TODAY, "k-%02d".formatted(i), 1000 + i, "kim", KIM);
        }
        rankings.book(TODAY, "l-1", 3000, "lee", LEE);
        rankings.book(TODAY, "p-1", 4000, "park", PARK);

        RankingService.Leaderboard board = service(2).leaderboard(RankingService.Period.DAY);

        assertThat(board.entries()).extracting(Rankings.Leader::bookingId).containsExactly("k-00", "l-1");
        assertThat(rankings.pages)
                .as("8 bookings, then 16 from where the first page ended")
                .containsExactly(8, 16);
        assertThat(rankings.walked)
                .as("no booking read twice across pages")
                .doesNotHaveDuplicates()
                .hasSize(8 + 14);
    }

    @Test
    void aPeriodOfFewerPlayersThanTheBoardEndsWithItsLastBooking() {
        for (int i = 0; i < 5; i++) {
            rankings.book(TODAY, "k-" + i, 1000 + i, "kim", KIM);
        }

        RankingService.Leaderboard board = service(2).leaderboard(RankingService.Period.DAY);

        assertThat(board.entries()).extracting(Rankings.Leader::bookingId).containsExactly("k-0");
        assertThat(rankings.pages).containsExactly(8);
    }

    @Test
    void aWalkStopsAfterItsLongestAndShowsThePlayersMetByThen() {
        // two players, 6,000 bookings today between them, a board of 20: the period has too few players to fill it
        for (int i = 0; i < 3000; i++) {
            rankings.book(TODAY, "k-%04d".formatted(i), 1000 + 2L * i, "kim", KIM);
            rankings.book(TODAY, "l-%04d".formatted(i), 1001 + 2L * i, "lee", LEE);
        }

        RankingService.Leaderboard board = service(20).leaderboard(RankingService.Period.DAY);

        assertThat(board.entries()).extracting(Rankings.Leader::bookingId).containsExactly("k-0000", "l-0000");
        assertThat(rankings.walked).hasSize(RankingService.LONGEST_WALK);
    }

    @Test
    void anEmptyPeriodReadsNoRows() {
        assertThat(service(20).leaderboard(RankingService.Period.WEEK).entries())
                .isEmpty();
        assertThat(rankings.leaderReads).isEmpty();
    }

    @Test
    void theWeekCountsItsPlayersOverAllItsDays() {
        rankings.book(MONDAY, "m-1", 900, "kim", KIM);
        rankings.book(TODAY, "w-1", 800, "lee", LEE);
        rankings.book(TODAY, "w-2", 1200, "kim", KIM);

        RankingService service = service(20);
        RankingService.Leaderboard week = service.leaderboard(RankingService.Period.WEEK);
        RankingService.Leaderboard day = service.leaderboard(RankingService.Period.DAY);

        assertThat(week.period()).isEqualTo("week");
        assertThat(week.from()).isEqualTo(MONDAY);
        assertThat(week.entries()).extracting(Rankings.Leader::bookingId).containsExactly("w-1", "m-1");
        assertThat(day.from()).isEqualTo(TODAY);
        assertThat(day.entries()).extracting(Rankings.Leader::bookingId).containsExactly("w-1", "w-2");
    }

    private RankingService service(int leaderboardSize) {
        RoundClock clock =
                new RoundClock(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1), Duration.ofSeconds(15));
        return new RankingService(rankings, new Venue(10, 10, 2, 3), clock, Duration.ofSeconds(1), leaderboardSize);
    }

    /**
     * Human bookings as the leaderboard index orders them (duration, then booking id), paged after a booking as the
     * keyset query pages; it notes each page asked for, each booking handed out and each read of leader rows.
     */
    private static final class BookingsInMemory extends UnansweredRankings {

        private record Row(LocalDate day, Booked booked, Leader leader) {}

        private static final Comparator<Booked> BOARD_ORDER =
                Comparator.comparingLong(Booked::durationMs).thenComparing(Booked::bookingId);

        private final List<Row> rows = new ArrayList<>();
        private final Map<String, Leader> leaders = new HashMap<>();
        final List<Integer> pages = new ArrayList<>();
        final List<String> walked = new ArrayList<>();
        final List<List<String>> leaderReads = new ArrayList<>();

        void book(LocalDate day, String bookingId, long durationMs, String nickname, PlayerId player) {
            Leader leader = new Leader(bookingId, "20310305T110000Z", nickname, "A-1", durationMs);
            rows.add(new Row(day, new Booked(bookingId, durationMs, Optional.ofNullable(player)), leader));
            leaders.put(bookingId, leader);
        }

        @Override
        public List<Booked> humansOfDay(LocalDate day, Booked after, int limit) {
            return page(rows.stream().filter(r -> r.day().equals(day)).toList(), after, limit);
        }

        @Override
        public List<Booked> humansOfWeek(LocalDate monday, Booked after, int limit) {
            return page(
                    rows.stream()
                            .filter(r -> !r.day().isBefore(monday) && r.day().isBefore(monday.plusWeeks(1)))
                            .toList(),
                    after,
                    limit);
        }

        private List<Booked> page(List<Row> period, Booked after, int limit) {
            pages.add(limit);
            List<Booked> page = period.stream()
                    .map(Row::booked)
                    .filter(b -> after == null || BOARD_ORDER.compare(b, after) > 0)
                    .sorted(BOARD_ORDER)
                    .limit(limit)
                    .toList();
            page.forEach(b -> walked.add(b.bookingId()));
            return page;
        }

        @Override
        public List<Leader> leaders(List<String> bookingIds) {
            leaderReads.add(List.copyOf(bookingIds));
            return bookingIds.stream().map(leaders::get).toList();
        }
    }
}
