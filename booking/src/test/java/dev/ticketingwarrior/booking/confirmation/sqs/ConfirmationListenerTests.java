package dev.ticketingwarrior.booking.confirmation.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.Bookings;
import dev.ticketingwarrior.booking.confirmation.domain.PendingBookings;
import dev.ticketingwarrior.booking.confirmation.domain.SoldSeats;
import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.confirmation.domain.UnstorableBookingException;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import io.awspring.cloud.sqs.listener.BatchVisibility;
import io.awspring.cloud.sqs.listener.acknowledgement.BatchAcknowledgement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hole 1 of the fault-drill issue: a MySQL outage sent accepted bookings to the DLQ, because every failed write gave the
 * message back to SQS and spent one of its 5 receives. Now the listener keeps its messages while MySQL is unavailable.
 */
class ConfirmationListenerTests {

    private static final Instant OPENS = Instant.parse("2031-01-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MysqlDownFor mysql = new MysqlDownFor(3);
    private final Acknowledged acknowledged = new Acknowledged();
    private final List<Integer> visibilityChanges = new ArrayList<>();
    private final BatchVisibility visibility = seconds -> {
        visibilityChanges.add(seconds);
        return CompletableFuture.completedFuture(null);
    };
    private final Map<BookingId, StoredBooking.Status> resolved = new HashMap<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ConfirmationListener listener =
            listener(resolved::putAll, Duration.ofMillis(1), Duration.ofMillis(4));

    @Test
    void whileMysqlIsDownTheBatchStaysWithTheListenerAndIsWrittenOnceItAnswers() {
        List<Message<String>> batch = List.of(message("A-1"), message("A-2"));

        listener.onConfirmations(batch, acknowledged, visibility);

        assertThat(mysql.calls)
                .as("three failed writes, then the one that worked")
                .isEqualTo(4);
        assertThat(mysql.writes)
                .as("each try is the same write, so rows a failed try left count as the batch's own")
                .containsOnly(mysql.writes.getFirst());
        assertThat(visibilityChanges)
                .as("the messages' visibility extended before every wait, so SQS never hands them out again")
                .containsExactly(30, 30, 30);
        assertThat(acknowledged.messages).containsExactlyElementsOf(batch);
        assertThat(mysql.written).hasSize(2);
        Map<BookingId, StoredBooking.Status> outcomes = new HashMap<>();
        mysql.written.forEach(booking -> outcomes.put(booking.id(), StoredBooking.Status.CONFIRMED));
        assertThat(resolved)
                .as("the pending copies learn their outcomes only once the rows are written")
                .isEqualTo(outcomes);
    }

    /**
     * A deploy or a scale-in stops the instance during the outage: the container would wait 20 s for the waiting
     * listener, then interrupt it (its messages shown again only when their visibility ends). It hands them back at once.
     */
    @Test
    void anInstanceStoppingWhileMysqlIsDownHandsItsBatchBackAtOnce() throws Exception {
        mysql.failuresLeft = Integer.MAX_VALUE;
        List<Integer> changes = new CopyOnWriteArrayList<>();
        BatchVisibility recorded = seconds -> {
            changes.add(seconds);
            return CompletableFuture.completedFuture(null);
        };
        ConfirmationListener patient = listener(resolved::putAll, Duration.ofSeconds(10), Duration.ofSeconds(10));
        CompletableFuture<Void> handling = CompletableFuture.runAsync(
                () -> patient.onConfirmations(List.of(message("D-1"), message("D-2")), acknowledged, recorded));
        while (changes.isEmpty()) {
            Thread.sleep(5);
        }

        patient.stopWaiting();

        handling.get(2, TimeUnit.SECONDS);
        assertThat(changes)
                .as("extended while it waited, then visible again 2 s later for another instance")
                .containsExactly(30, 2);
        assertThat(acknowledged.messages).isEmpty();
        assertThat(mysql.written).isEmpty();
        assertThat(resolved).isEmpty();
    }

    /**
     * A booking MySQL refuses as it is (a value out of its column's range) is not MySQL being unavailable: waiting
     * would never write it, nor the good bookings beside it. They are written, it is left for the DLQ.
     */
    @Test
    void aBookingMysqlRefusesIsLeftForTheDlqAndTheRestOfItsBatchIsWritten() {
        mysql.failuresLeft = 0;
        mysql.refusedSeat = "B-2";
        List<Message<String>> batch = List.of(message("B-1"), message("B-2"), message("B-3"));

        listener.onConfirmations(batch, acknowledged, visibility);

        assertThat(acknowledged.messages)
                .as("the refused one is not acknowledged: SQS moves it to the DLQ after its receives")
                .containsExactly(batch.get(0), batch.get(2));
        assertThat(mysql.written).extracting(AcceptedBooking::seatId).containsExactly("B-1", "B-3");
        assertThat(resolved).hasSize(2);
        assertThat(meters.counter("ticketing.bookings", "result", "poison").count())
                .isEqualTo(1);
        assertThat(meters.counter("ticketing.bookings", "result", "confirmed").count())
                .isEqualTo(2);
        assertThat(visibilityChanges)
                .as("nothing waited: MySQL answered every time")
                .isEmpty();
    }

    /**
     * Booking by booking, each write still waits while MySQL does not answer, and a message delivered twice in the
     * batch is acknowledged both times but counted once.
     */
    @Test
    void bookingByBookingEachWriteWaitsForMysqlAndARepeatInTheBatchCountsOnce() {
        mysql.failuresLeft = 0;
        mysql.refusedSeat = "E-2";
        mysql.failuresAfterRefusal = 1;
        Message<String> once = message("E-1");
        List<Message<String>> batch = List.of(once, message("E-2"), once);

        listener.onConfirmations(batch, acknowledged, visibility);

        assertThat(acknowledged.messages).containsExactly(once, once);
        assertThat(mysql.written).extracting(AcceptedBooking::seatId).containsExactly("E-1");
        assertThat(visibilityChanges)
                .as("one wait, for the write MySQL did not answer")
                .containsExactly(30);
        assertThat(meters.counter("ticketing.bookings", "result", "confirmed").count())
                .isEqualTo(1);
        assertThat(meters.counter("ticketing.bookings", "result", "poison").count())
                .isEqualTo(1);
    }

    @Test
    void pendingCopiesThatCannotBeToldTheirOutcomesDoNotFailTheWrittenBatch() {
        mysql.failuresLeft = 0;
        ConfirmationListener redisDown = listener(
                outcomes -> {
                    throw new IllegalStateException("redis is down");
                },
                Duration.ofMillis(1),
                Duration.ofMillis(4));

        redisDown.onConfirmations(List.of(message("C-1")), acknowledged, visibility);

        assertThat(acknowledged.messages).hasSize(1);
    }

    /**
     * SQS delivers at least once, and the reconciler sends an in-doubt sale again: a booking is counted and its lag
     * timed once, by the batch that decided it, so a redelivery neither counts twice nor shows as a long lag.
     */
    @Test
    void aMessageDeliveredAgainIsCountedAndTimedOnlyByTheBatchThatDecidedIt() {
        mysql.failuresLeft = 0;
        Message<String> confirmation = message("F-1");

        listener.onConfirmations(List.of(confirmation, confirmation), acknowledged, visibility); // twice in one poll
        listener.onConfirmations(List.of(confirmation), acknowledged, visibility); // and once more later

        assertThat(acknowledged.messages).hasSize(3);
        assertThat(meters.counter("ticketing.bookings", "result", "confirmed").count())
                .isEqualTo(1);
        assertThat(meters.counter("ticketing.confirmation.repeats").count()).isEqualTo(2);
        assertThat(meters.timer("ticketing.confirmation.lag").count()).isEqualTo(1);
    }

    @Test
    void aHealthyWriteNeitherWaitsNorTouchesVisibility() {
        mysql.failuresLeft = 0;

        listener.onConfirmations(List.of(message("B-1")), acknowledged, visibility);

        assertThat(mysql.calls).isEqualTo(1);
        assertThat(visibilityChanges).isEmpty();
        assertThat(acknowledged.messages).hasSize(1);
    }

    /**
     * A confirmation queued before bookings carried their player (2026-12-05), still in flight during the deploy, is
     * written as a booking of no known player; one of today's carries its player to the row.
     */
    @Test
    void aConfirmationWithoutThePlayerFieldIsStillWrittenAsABookingOfNoKnownPlayer() {
        mysql.failuresLeft = 0;
        PlayerId kim = PlayerId.of("kim", "a-device-secret-of-22-chars");
        List<Message<String>> batch = List.of(
                MessageBuilder.withPayload(bodyOf("t-old", "E-5", "")).build(),
                MessageBuilder.withPayload(bodyOf("t-kim", "E-6", ",\"playerId\":\"" + kim.value() + "\""))
                        .build());

        listener.onConfirmations(batch, acknowledged, visibility);

        assertThat(acknowledged.messages).containsExactlyElementsOf(batch);
        assertThat(mysql.written)
                .extracting(AcceptedBooking::ticketId, AcceptedBooking::playerId)
                .containsExactly(tuple("t-old", Optional.empty()), tuple("t-kim", Optional.of(kim)));
    }

    /** A confirmation's JSON as written before 2026-12-05, then {@code more}. */
    private static String bodyOf(String ticket, String seat, String more) {
        return """
                {"bookingId":"%s","roundId":"20310101T000000Z","seatId":"%s","ticketId":"%s","nickname":"nick",\
                "bot":false,"fencingToken":3,"roundOpenedAt":"2031-01-01T00:00:00Z",\
                "enteredAt":"2031-01-01T00:00:00.100Z","admittedAt":"2031-01-01T00:00:00.200Z",\
                "heldAt":"2031-01-01T00:00:00.300Z","bookedAt":"2031-01-01T00:00:00.400Z"%s}""".formatted(BookingId.next(new RoundId("20310101T000000Z")).value(), seat, ticket, more);
    }

    /** A listener on this MySQL, with messages visible for 30 s, waiting {@code firstWait} doubling to {@code longest}. */
    private ConfirmationListener listener(PendingBookings pending, Duration firstWait, Duration longest) {
        return new ConfirmationListener(
                mysql,
                pending,
                JSON,
                meters,
                Clock.fixed(OPENS.plusSeconds(10), ZoneOffset.UTC),
                30,
                firstWait,
                longest);
    }

    private static Message<String> message(String seat) {
        RoundClock rounds =
                new RoundClock(Clock.fixed(OPENS, ZoneOffset.UTC), Duration.ofMinutes(1), Duration.ofSeconds(15));
        BookingId id = BookingId.next(rounds.roundAt(OPENS).id());
        AcceptedBooking booking = new AcceptedBooking(
                id,
                seat,
                "t-" + seat,
                "nick-" + seat,
                false,
                7,
                OPENS,
                OPENS.plusMillis(100),
                OPENS.plusMillis(200),
                OPENS.plusMillis(300),
                OPENS.plusMillis(400),
                Optional.empty());
        return MessageBuilder.withPayload(JSON.writeValueAsString(BookingConfirmationMessage.of(booking)))
                .build();
    }

    /** MySQL that does not answer the first {@code failuresLeft} writes, and refuses every write of {@code refusedSeat}. */
    private static final class MysqlDownFor implements Bookings {

        int failuresLeft;
        String refusedSeat;
        /** Writes not answered right after the first refusal (once). */
        int failuresAfterRefusal;

        int calls;
        final List<AcceptedBooking> written = new ArrayList<>();
        final List<String> writes = new ArrayList<>();

        MysqlDownFor(int failures) {
            this.failuresLeft = failures;
        }

        @Override
        public Confirmed confirm(List<AcceptedBooking> bookings, String write) {
            calls++;
            writes.add(write);
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new DependencyUnavailableException("mysql", new IllegalStateException("connection refused"));
            }
            if (bookings.stream().anyMatch(booking -> booking.seatId().equals(refusedSeat))) {
                failuresLeft = failuresAfterRefusal;
                failuresAfterRefusal = 0;
                throw new UnstorableBookingException("Incorrect datetime value", null);
            }
            Map<BookingId, StoredBooking.Status> states = new HashMap<>();
            Set<BookingId> decided = new HashSet<>();
            for (AcceptedBooking booking : bookings) {
                states.put(booking.id(), StoredBooking.Status.CONFIRMED);
                if (written.stream().noneMatch(row -> row.id().equals(booking.id()))) {
                    written.add(booking);
                    decided.add(booking.id());
                }
            }
            return new Confirmed(states, decided);
        }

        @Override
        public SoldSeats soldSeats(RoundId round, Instant since) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredBooking> find(BookingId id) {
            return Optional.empty();
        }
    }

    private static final class Acknowledged implements BatchAcknowledgement<String> {

        final List<Message<String>> messages = new ArrayList<>();

        @Override
        public void acknowledge() {
            throw new UnsupportedOperationException("the listener names what it acknowledges");
        }

        @Override
        public CompletableFuture<Void> acknowledgeAsync() {
            throw new UnsupportedOperationException("the listener names what it acknowledges");
        }

        @Override
        public void acknowledge(Collection<Message<String>> acknowledged) {
            messages.addAll(acknowledged);
        }

        @Override
        public CompletableFuture<Void> acknowledgeAsync(Collection<Message<String>> acknowledged) {
            acknowledge(acknowledged);
            return CompletableFuture.completedFuture(null);
        }
    }
}
