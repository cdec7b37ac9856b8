package dev.ticketingwarrior.botrunner.bot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.botrunner.support.RecordingEvents;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class BotTests {

    private static final Instant OPEN = Instant.parse("2031-03-01T10:00:00Z");

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final Round round =
            new RoundClock(Clock.fixed(OPEN, ZoneOffset.UTC), Duration.ofSeconds(60), Duration.ofSeconds(15)).current();
    private final FakeApi api = new FakeApi();
    private final RecordingEvents events = new RecordingEvents();
    private final Bot bot = new Bot(api, new SeatPreference(0), events, time, 3);

    @AfterEach
    void disposeTime() {
        time.dispose();
    }

    private BotOutcome play(double cancelProbability) {
        BotPlan plan = new BotPlan(round, "bot-abcd-1", OPEN, Difficulty.INSANE.profile(), cancelProbability, 11);
        List<BotOutcome> outcome = new ArrayList<>();
        StepVerifier.withVirtualTime(() -> bot.play(plan), () -> time, Long.MAX_VALUE)
                .thenAwait(Duration.ofMinutes(1))
                .recordWith(() -> outcome)
                .expectNextCount(1)
                .verifyComplete();
        return outcome.getFirst();
    }

    @Test
    void entersWaitsHoldsTheBestSeatAndBooksIt() {
        assertThat(play(0)).isEqualTo(new BotOutcome.Booked("A-5", "booking-A-5"));
        assertThat(api.calls).containsExactly("enter bot-abcd-1", "await", "seats", "hold A-5", "book A-5");
        assertThat(events.admissions).containsExactly(round.id());
    }

    @Test
    void reportsHowLongAfterItsScheduledStartItsFirstRequestWentOut() {
        play(0);

        assertThat(events.entries).containsExactly(Duration.ofMillis(40));
    }

    @Test
    void reportsItsFirstRequestEvenWhenItsAnswerIsAFailure() {
        api.enterError = new IllegalStateException("503");

        play(0);

        assertThat(events.entries).containsExactly(Duration.ofMillis(40));
    }

    @Test
    void triesAgainWithAFreshMapWhenTheSeatWasTaken() {
        api.takenOnHold.add("A-5");

        assertThat(play(0)).isEqualTo(new BotOutcome.Booked("A-6", "booking-A-6"));
        assertThat(api.calls).containsSubsequence("seats", "hold A-5", "seats", "hold A-6", "book A-6");
    }

    @Test
    void triesAgainWhenTheHoldIsLostBeforeTheBooking() {
        api.lostOnBook.add("A-5");

        assertThat(play(0)).isEqualTo(new BotOutcome.Booked("A-6", "booking-A-6"));
    }

    @Test
    void givesUpAfterTheBoundedNumberOfAttempts() {
        api.takenOnHold.addAll(List.of("A-5", "A-6", "B-5"));

        assertThat(play(0)).isInstanceOf(BotOutcome.Lost.class);
        assertThat(api.calls.stream().filter(call -> call.startsWith("hold"))).hasSize(3);
    }

    @Test
    void releasesTheHoldInsteadOfBookingWhenItCancels() {
        assertThat(play(1)).isEqualTo(new BotOutcome.Cancelled("A-5"));
        assertThat(api.calls).endsWith("hold A-5", "release hold-A-5");
    }

    @Test
    void losesWhenTheRoundClosesInTheQueue() {
        api.admission = new PlayerApi.Admission.Closed();

        assertThat(play(0)).isInstanceOf(BotOutcome.Lost.class);
        assertThat(events.admissions).isEmpty();
    }

    @Test
    void losesWhenSoldOut() {
        api.soldOut = true;

        assertThat(play(0)).isEqualTo(new BotOutcome.Lost("sold out"));
    }

    @Test
    void losesWhenTheServerSaysTheRoundIsOver() {
        api.enterError = new RoundOverException("enter: round-not-open");

        assertThat(play(0)).isInstanceOf(BotOutcome.Lost.class);
    }

    @Test
    void failsOnAnUnexpectedError() {
        api.enterError = new IllegalStateException("503");

        assertThat(play(0)).isInstanceOf(BotOutcome.Failed.class);
    }

    /** The public API as a small in-memory venue with scripted trouble. */
    private static final class FakeApi implements PlayerApi {

        final Deque<String> calls = new ArrayDeque<>();
        final Set<String> takenOnHold = new HashSet<>();
        final Set<String> lostOnBook = new HashSet<>();
        final Set<String> gone = new HashSet<>();
        Admission admission = new Admission.Admitted("token");
        boolean soldOut;
        RuntimeException enterError;
        Instant sentAt = OPEN.plusMillis(40);

        @Override
        public Mono<Void> prepare(int players, Instant by) {
            calls.add("prepare " + players);
            return Mono.empty();
        }

        @Override
        public Mono<Entry> enter(String nickname, Consumer<Instant> sent) {
            calls.add("enter " + nickname);
            sent.accept(sentAt);
            return enterError != null ? Mono.error(enterError) : Mono.just(new Entry("t-1", RoundId.startingAt(OPEN)));
        }

        @Override
        public Mono<Admission> awaitAdmission(String ticketId, Instant deadline) {
            calls.add("await");
            return Mono.just(admission);
        }

        @Override
        public Mono<SeatMap> seats(RoundId round, String token) {
            calls.add("seats");
            Set<String> unavailable = new HashSet<>(gone);
            return Mono.just(
                    soldOut
                            ? new SeatMap(1, 1, List.of(new Seat("A-1", "A", 1, "VIP", false)))
                            : SeatPreferenceTests.venue(unavailable));
        }

        @Override
        public Mono<HoldResult> hold(RoundId round, String token, String seatId) {
            calls.add("hold " + seatId);
            if (takenOnHold.contains(seatId)) {
                gone.add(seatId);
                return Mono.just(new HoldResult.Taken(seatId));
            }
            return Mono.just(new HoldResult.Held("hold-" + seatId, seatId));
        }

        @Override
        public Mono<Void> release(String token, String holdId) {
            calls.add("release " + holdId);
            return Mono.empty();
        }

        @Override
        public Mono<BookResult> book(String token, String holdId, String idempotencyKey) {
            String seatId = holdId.substring("hold-".length());
            calls.add("book " + seatId);
            if (lostOnBook.contains(seatId)) {
                gone.add(seatId);
                return Mono.just(new BookResult.HoldLost());
            }
            return Mono.just(new BookResult.Booked("booking-" + seatId, seatId));
        }
    }
}
