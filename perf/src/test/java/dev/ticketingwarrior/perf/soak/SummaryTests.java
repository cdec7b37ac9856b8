package dev.ticketingwarrior.perf.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticketingwarrior.perf.audit.BotBookings;
import dev.ticketingwarrior.perf.audit.FinalVerdict;
import dev.ticketingwarrior.perf.audit.Percentiles;
import dev.ticketingwarrior.perf.audit.RoundVerdict;
import dev.ticketingwarrior.perf.audit.RoundWindow;
import dev.ticketingwarrior.perf.audit.Violation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTests {

    private static final Instant OPEN = Instant.parse("2026-11-24T10:15:00Z");
    private static final RoundWindow WINDOW = new RoundWindow("20261124T101500Z", OPEN, OPEN.plusSeconds(15));
    private static final Violation LOST_BOT = new Violation(
            WINDOW.roundId(),
            "lost",
            "booking bot9 (seat C-7, ticket t-bot9, bot) has a pending copy in Redis but is in neither bookings nor"
                    + " rejected_bookings after draining for 60.0 s; Redis has the seat SOLD to it");

    @TempDir
    Path dir;

    /** 40 players' 202s all confirmed; the bots 48 confirmed, 1 rejected and 1 lost, which counts in lost. */
    private final RoundVerdict verdict = new RoundVerdict(
            WINDOW.roundId(),
            40,
            40,
            0,
            OptionalInt.of(1),
            Optional.of(new BotBookings(48, 1, 1)),
            0,
            0,
            new Percentiles(88, 40, 90, 120, 150),
            List.of(),
            List.of(),
            88,
            List.of(LOST_BOT),
            List.of());

    @Test
    void writesThePlayersBookingsAsBeforeAndTheBotsApartWithTheirLostInLost() throws Exception {
        Path file = dir.resolve("summary.json");
        SoakOptions options = SoakOptions.parse(new String[] {"--rounds", "1", "--warm-up", "0"}, Map.of());
        FinalVerdict end = new FinalVerdict(List.of(verdict), 0, List.of(LOST_BOT), List.of());

        Summary.write(
                file,
                options,
                OPEN,
                OPEN.plusSeconds(80),
                List.of(row()),
                end,
                Map.of(),
                List.of(WINDOW),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                0,
                List.of());

        JsonNode summary = new ObjectMapper().readTree(file.toFile());
        assertThat(summary.get("accepted").asInt()).as("the players' 202s only").isEqualTo(40);
        assertThat(summary.get("gatlingStatus").asInt())
                .as("Gatling's status, for the report's verdict")
                .isZero();
        assertThat(summary.get("confirmed").asInt()).isEqualTo(40);
        assertThat(summary.get("rejected").asInt()).isZero();
        assertThat(summary.get("lost").asInt())
                .as("the bots' lost booking included")
                .isEqualTo(1);
        assertThat(summary.get("bots").toString())
                .isEqualTo("{\"accepted\":50,\"confirmed\":48,\"rejected\":1,\"lost\":1}");
        JsonNode round = summary.get("perRound").get(0);
        assertThat(round.get("booked").asInt()).isEqualTo(40);
        assertThat(round.get("late").asInt())
                .as("the round closed on them before they booked")
                .isEqualTo(2);
        assertThat(round.get("placeReleased").asInt())
                .as("their place went to the next in line")
                .isEqualTo(3);
        assertThat(round.get("noSeat").asInt()).isEqualTo(15);
        assertThat(round.get("lost").asInt()).isEqualTo(1);
        assertThat(round.get("bots").toString())
                .isEqualTo("{\"accepted\":50,\"confirmed\":48,\"rejected\":1,\"lost\":1}");
    }

    @Test
    void printsTheBotsInTheirColumnAndInTheTotals() {
        FinalVerdict end = new FinalVerdict(List.of(verdict), 0, List.of(LOST_BOT), List.of());

        String printed = printed(() -> {
            RoundTable.print(row());
            RoundTable.totals(end, List.of(row()), List.of());
        });

        // admitted 55, of whom 2 late, 3 whose place was released, and 15 without a seat
        assertThat(printed.lines().findFirst().orElseThrow())
                .contains(" 55     2           3      15 ", " 40 ", " 50/48 ");
        assertThat(printed)
                .contains("accepted 40, confirmed 40, rejected 0, lost 1, oversold 0, DLQ 0;"
                        + " bots accepted 50, confirmed 48, rejected 1, lost 1");
    }

    /** Found by a perf engineer: the console said no verdict word for exit 3, the report a red FAIL. */
    @Test
    void aRunWhoseGatlingAssertionsFailedIsAFailThatSaysTheInvariantsHeld() {
        FinalVerdict end = new FinalVerdict(List.of(verdict), 0, List.of(), List.of());

        assertThat(RoundTable.gatlingFail(end, 2))
                .startsWith("soak: FAIL — Gatling's assertions failed (its status 2), though no invariant was violated:"
                        + " lost ")
                .endsWith(", oversold 0, DLQ 0: exit 3");
    }

    /**
     * A round's audit found what the final one no longer did (booking killed between a sale and its send: its reconciler
     * settled the sale after the round's audit): the round's line says what it found and that the end judges again, and
     * the totals that it had settled, never "violated" above a PASS.
     */
    @Test
    void saysWhatARoundsAuditFoundThatTheEndFoundSettled() {
        FinalVerdict end = new FinalVerdict(List.of(verdict), 0, List.of(), List.of());

        String printed = printed(() -> {
            RoundTable.print(row());
            RoundTable.totals(end, List.of(row()), List.of());
            System.out.println(RoundTable.pass(end));
        });

        assertThat(printed)
                .contains("      found lost: booking bot9")
                .contains("the final audit judges the round again")
                .contains("soak: what the rounds' audits found (1 above) had settled when the final audit judged the"
                        + " rounds again")
                .doesNotContain("violated lost");
    }

    /** MySQL could not be read: the round's lost bookings are unknown, written null and printed so, never 0. */
    @Test
    void writesAndPrintsLostAsUnknownWhenItCouldNotBeCounted() throws Exception {
        RoundVerdict unread = new RoundVerdict(
                WINDOW.roundId(),
                40,
                38,
                0,
                OptionalInt.empty(),
                Optional.empty(),
                0,
                -1,
                Percentiles.NONE,
                List.of(),
                List.of(),
                0,
                List.of(),
                List.of("mysql: not reachable (ConnectException): round " + WINDOW.roundId() + " not drained"));
        FinalVerdict end = new FinalVerdict(List.of(unread), -1, List.of(), unread.skipped());
        RoundRow row = row(unread, OptionalInt.empty());
        Path file = dir.resolve("summary.json");

        Summary.write(
                file,
                SoakOptions.parse(new String[] {"--rounds", "1", "--warm-up", "0"}, Map.of()),
                OPEN,
                OPEN.plusSeconds(80),
                List.of(row),
                end,
                Map.of(),
                List.of(WINDOW),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of(),
                0,
                List.of());
        String printed = printed(() -> {
            RoundTable.print(row);
            RoundTable.totals(end, List.of(row), List.of());
            System.out.println(RoundTable.pass(end));
        });

        JsonNode summary = new ObjectMapper().readTree(file.toFile());
        assertThat(summary.get("lost").isNull()).as("unknown, not 0").isTrue();
        assertThat(summary.get("perRound").get(0).get("lost").isNull()).isTrue();
        assertThat(printed.lines().findFirst().orElseThrow()).contains(" 40 ", " 38 ", "    - ");
        assertThat(printed)
                .contains("rejected 0, lost unknown, oversold unknown, DLQ not checked")
                .contains("soak: PASS — lost unknown, oversold unknown, DLQ not checked, no invariant violated");
        assertThat(summary.get("oversold").isNull()).as("not counted, not 0").isTrue();
        assertThat(summary.get("dlq").isNull()).as("not checked, not -1").isTrue();
        assertThat(summary.get("perRound").get(0).get("oversold").isNull()).isTrue();
        assertThat(summary.get("perRound").get(0).get("seats").isNull())
                .as("booking did not answer for the seat map: unknown, not 0 seats")
                .isTrue();
        assertThat(summary.get("perRound").get(0).get("soldOutMs").isNull()).isTrue();
    }

    /** A round without booking's reading (restarting) keeps the rounds after it in their place: 100, –, 104. */
    @Test
    void keepsARoundWithoutAHeapReadingInItsPlaceForTheSlope() {
        List<RoundWindow> windows = List.of(window(0), window(1), window(2), window(3));
        Map<String, Map<String, HeapReading>> heaps = Map.of(
                windows.get(0).roundId(), Map.of("booking", heap(100), "admission", heap(50)),
                windows.get(1).roundId(), Map.of("booking", unread(), "admission", heap(50)),
                windows.get(2).roundId(), Map.of("booking", heap(104), "admission", heap(50)),
                windows.get(3).roundId(), Map.of("admission", heap(50), "scale-out", heap(80)));

        Map<String, Double> slopes = Summary.slopes(windows, heaps);

        assertThat(slopes).containsEntry("booking", 2.0).containsEntry("admission", 0.0);
        assertThat(slopes)
                .as("an instance first read in the last round: that reading is its warm-up, none is left to fit")
                .containsEntry("scale-out", null);
    }

    /** Booking killed and started again in round 2: its fresh JVM's 40 MB is no fall, and its warm-up no leak. */
    @Test
    void takesAServicesSlopeFromItsLastStartNotAcrossARestart() {
        List<RoundWindow> five = List.of(window(0), window(1), window(2), window(3), window(4));
        Map<String, Map<String, HeapReading>> heaps = Map.of(
                five.get(0).roundId(), Map.of("booking", heap(200, 41), "admission", heap(50, 7)),
                five.get(1).roundId(), Map.of("booking", heap(40, 42), "admission", heap(51, 7)), // its warm-up
                five.get(2).roundId(), Map.of("booking", heap(60, 42), "admission", heap(52, 7)),
                five.get(3).roundId(), Map.of("booking", heap(61, 42), "admission", heap(53, 7)),
                five.get(4).roundId(), Map.of("booking", heap(62, 42), "admission", heap(54, 7)));

        Map<String, Double> slopes = Summary.slopes(five, heaps);

        assertThat(slopes)
                .as("booking's own growth after its restart's round, not -40 MB/round across it")
                .containsEntry("booking", 1.0)
                .containsEntry("admission", 1.0);
        assertThat(Summary.slopes(five.subList(0, 3), heaps))
                .as("restarted in the last but one round: one reading after it, too few to tell")
                .containsEntry("booking", null)
                .containsEntry("admission", 1.0);
    }

    private static RoundWindow window(int i) {
        Instant opens = OPEN.plusSeconds(60L * i);
        return new RoundWindow("2026112410" + (15 + i) + "00Z", opens, opens.plusSeconds(15));
    }

    private static HeapReading heap(double mb) {
        return heap(mb, 100);
    }

    private static HeapReading heap(double mb, long pid) {
        return new HeapReading(OptionalDouble.of(mb), OptionalDouble.empty(), pid);
    }

    private static HeapReading unread() {
        return new HeapReading(OptionalDouble.empty(), OptionalDouble.empty(), 100);
    }

    private RoundRow row() {
        return row(verdict);
    }

    private RoundRow row(RoundVerdict judged) {
        return row(judged, OptionalInt.of(100));
    }

    private RoundRow row(RoundVerdict judged, OptionalInt seats) {
        return new RoundRow(1, WINDOW, 60, 60, 55, 15, 2, 3, 5, 0, 0, seats, Map.of(), judged, Map.of());
    }

    /** Each second header line's note ends where its column's name does, as the values below them are aligned. */
    @Test
    void theTablesNotesStandUnderTheirColumns() {
        List<String> head = printed(() -> RoundTable.header(null)).lines().toList();
        String names = head.get(1);
        String notes = head.get(2);

        for (List<String> column : List.of(
                List.of("released", "(maxActive)"),
                List.of("booked", "(202)"),
                List.of("pending", "(gave up)"),
                List.of("bots", "(202/conf)"),
                List.of("lag p99", "ms"))) {
            int nameEnds =
                    names.indexOf(" " + column.get(0) + " ") + 1 + column.get(0).length();
            int noteEnds = notes.lastIndexOf(column.get(1)) + column.get(1).length();
            assertThat(noteEnds).as(column.get(1) + " under " + column.get(0)).isEqualTo(nameEnds);
        }
    }

    private static String printed(Runnable print) {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            print.run();
        } finally {
            System.setOut(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
