package dev.ticketingwarrior.botrunner.bot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeatPreferenceTests {

    /** The default venue (SPEC §3): rows A–J × 10, VIP A–B, R C–E, S F–J. */
    static SeatMap venue(Set<String> taken) {
        List<Seat> seats = new ArrayList<>();
        String rows = "ABCDEFGHIJ";
        for (int r = 0; r < rows.length(); r++) {
            String row = String.valueOf(rows.charAt(r));
            String grade = r < 2 ? "VIP" : r < 5 ? "R" : "S";
            for (int number = 1; number <= 10; number++) {
                String id = row + "-" + number;
                seats.add(new Seat(id, row, number, grade, !taken.contains(id)));
            }
        }
        return new SeatMap(10, 10, seats);
    }

    private final SeatPreference strict = new SeatPreference(0);

    @Test
    void wantsTheCentreOfTheFrontVipRowFirst() {
        List<Seat> ranked = strict.rank(venue(Set.of()), new SplittableRandom(1));

        assertThat(ranked.subList(0, 4)).extracting(Seat::id).containsExactly("A-5", "A-6", "B-5", "B-6");
    }

    @Test
    void ranksEveryVipSeatBeforeAnyRSeatAndEveryRBeforeAnyS() {
        List<Seat> ranked = strict.rank(venue(Set.of()), new SplittableRandom(1));

        assertThat(ranked).hasSize(100);
        assertThat(ranked.subList(0, 20)).allMatch(seat -> seat.grade().equals("VIP"));
        assertThat(ranked.subList(20, 50)).allMatch(seat -> seat.grade().equals("R"));
        assertThat(ranked.subList(50, 100)).allMatch(seat -> seat.grade().equals("S"));
    }

    @Test
    void prefersTheCentreOverTheAisleWithinARow() {
        List<Seat> rowA = strict.rank(venue(Set.of()), new SplittableRandom(1)).stream()
                .filter(seat -> seat.row().equals("A"))
                .toList();

        assertThat(rowA).extracting(Seat::number).startsWith(5, 6, 4, 7).endsWith(1, 10);
    }

    @Test
    void skipsSeatsThatAreHeldOrSold() {
        SeatMap map = venue(Set.of("A-5", "A-6", "B-5"));

        assertThat(strict.pick(map, new SplittableRandom(1)))
                .get()
                .extracting(Seat::id)
                .isEqualTo("B-6");
    }

    @Test
    void findsNothingWhenSoldOut() {
        Set<String> all = new HashSet<>();
        venue(Set.of()).seats().forEach(seat -> all.add(seat.id()));

        assertThat(strict.pick(venue(all), new SplittableRandom(1))).isEmpty();
    }

    @Test
    void aCrowdSpreadsOverTheGoodSeatsButStillWantsTheBestGrade() {
        SeatPreference crowd = new SeatPreference(0.6);
        SplittableRandom random = new SplittableRandom(42);
        Set<String> firstChoices = new HashSet<>();
        int vip = 0;
        for (int bot = 0; bot < 1_000; bot++) {
            Seat choice = crowd.pick(venue(Set.of()), random).orElseThrow();
            firstChoices.add(choice.id());
            if (choice.grade().equals("VIP")) {
                vip++;
            }
        }

        assertThat(firstChoices).hasSizeGreaterThan(5);
        assertThat(vip).isGreaterThan(900);
    }

    @Test
    void ranksUnknownGradesLast() {
        assertThat(SeatPreference.gradeRank("VIP")).isLessThan(SeatPreference.gradeRank("R"));
        assertThat(SeatPreference.gradeRank("S")).isLessThan(SeatPreference.gradeRank("BALCONY"));
        assertThat(SeatPreference.gradeRank(null)).isEqualTo(SeatPreference.gradeRank("BALCONY"));
    }
}
