package dev.ticketingwarrior.admission.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.edge.testing.InMemorySettingsStore;
import dev.ticketingwarrior.edge.testing.SteppedClock;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * A waiting player's status from the ticker's snapshot: no read of the waiting room while the snapshot can tell (a
 * sealed ticket the counter has not reached, settings as this instance has them), the room otherwise; and the
 * snapshot's count at a later instant equals what an advance would make it (the oracle the script is held to).
 */
class QueueStatusTests {

    private static final AdmissionSettings TEN_PER_SECOND = new AdmissionSettings(10, 0, 0, false);

    private final Instant opensAt = Instant.parse("2031-01-01T00:00:00Z");
    private final SteppedClock time = new SteppedClock(opensAt.plusSeconds(1));
    private final RoundClock clock = new RoundClock(time, Duration.ofSeconds(60), Duration.ofSeconds(15));
    private final Round round = clock.roundAt(opensAt);
    private final RoundSeal seal = new RoundSeal(RoundSeal.candidate());
    private final LiveSettings<AdmissionSettings> settings =
            new LiveSettings<>("admission settings", new InMemorySettingsStore<>(TEN_PER_SECOND), TEN_PER_SECOND);
    private final SnapshotRoom room = new SnapshotRoom();
    private final ServingTicker ticker =
            new ServingTicker(room, clock, settings, QueueMetrics.NONE, Duration.ofHours(1));
    private final QueueService queue = new QueueService(
            room,
            clock,
            settings,
            (ticket, round, at) -> "token",
            ticker,
            QueueMetrics.NONE,
            new EntryLimit(30, Duration.ofSeconds(10)));

    @Test
    void aWaitingTicketIsToldFromTheSnapshotWithoutReadingTheRoom() {
        ticker.tickOnce().block(); // at +1 s: 10 served of 500
        time.set(opensAt.plusMillis(2_350)); // an advance now would serve 23

        TicketView view = queue.status(ticket(40)).block();

        assertThat(room.standings).hasValue(0);
        assertThat(view.status()).isEqualTo(TicketStatus.WAITING);
        assertThat(view.position()).isEqualTo(40 - 23);
        assertThat(view.ahead()).isEqualTo(40 - 23 - 1);
        assertThat(view.waiting()).isEqualTo(500 - 23);
        assertThat(view.etaSeconds()).isEqualTo(2);
        assertThat(view.token()).isNull();
    }

    @Test
    void aTicketTheCounterReachedIsReadFromTheRoom() {
        ticker.tickOnce().block();
        time.set(opensAt.plusMillis(2_350));

        queue.status(ticket(23)).block();

        assertThat(room.standings).hasValue(1);
    }

    @Test
    void aTicketWhoseSealDoesNotHoldIsReadFromTheRoom() {
        ticker.tickOnce().block();
        TicketId forged = new TicketId(round.id(), round.id().value() + "-400-" + "0".repeat(24));

        queue.status(forged).block();

        assertThat(room.standings).hasValue(1);
    }

    @Test
    void afterASettingsChangeHereTheRoomIsReadUntilTheNextTick() {
        ticker.tickOnce().block();
        settings.changed(new AdmissionSettings(50, 0, 0, false));

        queue.status(ticket(400)).block();

        assertThat(room.standings).hasValue(1);
    }

    @Test
    void aCappedRoundIsReadFromTheRoom() {
        room.settings = new AdmissionSettings(10, 0, 5, false);
        settings.changed(room.settings);
        ticker.tickOnce().block();

        queue.status(ticket(400)).block();

        assertThat(room.standings).hasValue(1);
    }

    @Test
    void withoutATickTheRoomIsRead() {
        queue.status(ticket(400)).block();

        assertThat(room.standings).hasValue(1);
    }

    @Test
    void afterTheCloseATicketLeftOutIsClosed() {
        time.set(round.closesAt().plusMillis(100));
        ticker.tickOnce().block(); // 150 served at the close, of 500

        TicketView view = queue.status(ticket(400)).block();

        assertThat(room.standings).hasValue(0);
        assertThat(view.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(view.position()).isEqualTo(400 - 150);
        assertThat(view.etaSeconds()).isNull();
    }

    @Test
    void theSnapshotsCountLaterIsWhatAnAdvanceWouldMakeIt() {
        Random random = new Random(20_261_203);
        long open = opensAt.toEpochMilli();
        long close = round.closesAt().toEpochMilli();
        for (int trial = 0; trial < 2_000; trial++) {
            AdmissionSettings settings = new AdmissionSettings(
                    random.nextInt(4) == 0 ? 0.1 * (1 + random.nextInt(30)) : random.nextInt(5_000),
                    random.nextInt(3) == 0 ? random.nextInt(100) : 0,
                    0,
                    random.nextInt(10) == 0);
            long entered = 1 + random.nextInt(100_000);
            long then = open + random.nextInt(16_000);
            long later = then + random.nextInt(5_000);
            ServingOracle.State kept =
                    ServingOracle.advance(ServingOracle.State.openedAt(open), then, close, settings, entered, 0);
            RoundSnapshot snapshot = new RoundSnapshot(
                    round,
                    new ServingState(kept.served(), entered, 0, 0, settings),
                    Instant.ofEpochMilli(then),
                    kept.accumulated(),
                    Instant.ofEpochMilli(kept.lastMillis()),
                    Optional.of(seal));

            ServingOracle.State advanced = ServingOracle.advance(kept, later, close, settings, entered, 0);

            assertThat(snapshot.servedAt(Instant.ofEpochMilli(later), 1).getAsLong())
                    .as(
                            "trial %d: %s, %d entered, %d ms then %d ms",
                            trial, settings, entered, then - open, later - open)
                    .isEqualTo(advanced.served());
        }
    }

    private TicketId ticket(long queueNumber) {
        return new TicketId(
                round.id(),
                round.id().value() + "-" + queueNumber + "-"
                        + seal.seal(round.id().value(), queueNumber));
    }

    /** A round of 500 entries at a settings' rate since the open, sealed; counts the reads of a ticket. */
    private final class SnapshotRoom extends UnansweredWaitingRoom {

        final AtomicInteger standings = new AtomicInteger();
        AdmissionSettings settings = TEN_PER_SECOND;

        @Override
        public Mono<Advance> advance(Round round, Instant now, AdmissionSettings seed) {
            ServingOracle.State state = ServingOracle.advance(
                    ServingOracle.State.openedAt(opensAt.toEpochMilli()),
                    now.toEpochMilli(),
                    round.closesAt().toEpochMilli(),
                    settings,
                    500,
                    0);
            return Mono.just(new Advance(
                    new ServingState(state.served(), 500, 0, 0, settings),
                    state.accumulated(),
                    Instant.ofEpochMilli(state.lastMillis()),
                    Optional.of(seal)));
        }

        @Override
        public Mono<Standing> standing(Round round, TicketId ticketId, Instant now, AdmissionSettings seed) {
            standings.incrementAndGet();
            return Mono.empty();
        }
    }
}
