package dev.ticketingwarrior.admission.admin.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ticketingwarrior.admission.queue.domain.QueueMetrics;
import dev.ticketingwarrior.admission.queue.domain.UnansweredWaitingRoom;
import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.edge.settings.SettingsStore;
import dev.ticketingwarrior.edge.testing.InMemorySettingsStore;
import dev.ticketingwarrior.edge.testing.SteppedClock;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** An ops change of the admission settings: stored, audited, applied to the open and the next round. */
class AdmissionAdminTests {

    private static final AdmissionSettings BEFORE = new AdmissionSettings(20, 0, 0, false);
    private static final AdmissionSettings AFTER = new AdmissionSettings(5, 0, 100, false);

    private final InMemorySettingsStore<AdmissionSettings> store = new InMemorySettingsStore<>(BEFORE);
    private final LiveSettings<AdmissionSettings> current = new LiveSettings<>("admission", store, BEFORE);
    private final RoundClock clock = new RoundClock(
            new SteppedClock(Instant.parse("2031-01-01T00:00:03Z")), Duration.ofMinutes(1), Duration.ofSeconds(15));
    private final List<Round> applied = new CopyOnWriteArrayList<>();
    private final Logger audit = (Logger) LoggerFactory.getLogger("audit.admission");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private RuntimeException applyFailure;

    private final AdmissionAdmin admin = new AdmissionAdmin(
            current,
            new UnansweredWaitingRoom() {
                @Override
                public Mono<Long> applySettings(
                        Round round, Instant now, AdmissionSettings seed, AdmissionSettings updated) {
                    if (applyFailure != null) {
                        return Mono.error(applyFailure);
                    }
                    applied.add(round);
                    return Mono.just(0L);
                }
            },
            clock,
            QueueMetrics.NONE,
            5);

    @BeforeEach
    void listen() {
        lines.start();
        audit.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        audit.detachAppender(lines);
    }

    @Test
    void aChangeIsStoredAuditedAndAppliedToTheOpenAndTheNextRound() {
        assertThat(admin.change(AFTER, "10.0.0.7", Optional.empty()).block())
                .isEqualTo(new AdmissionAdmin.Change.Made(AFTER));

        assertThat(store.held()).contains(AFTER);
        assertThat(current.get()).isEqualTo(AFTER);
        Instant now = clock.now();
        assertThat(applied).containsExactly(clock.roundAt(now), clock.nextAfter(now));
        assertThat(lines.list)
                .singleElement()
                .satisfies(line -> assertThat(line.getFormattedMessage())
                        .contains("changed from " + BEFORE + " to " + AFTER + " by 10.0.0.7"));
    }

    /** Not stored: nothing changed, so nothing is audited (ops hear the 503 and send it again). */
    @Test
    void aChangeThatCouldNotBeStoredIsNotAudited() {
        RuntimeException down = new DependencyUnavailableException(
                "settings store", Duration.ofSeconds(1), new IllegalStateException("timeout"));
        LiveSettings<AdmissionSettings> unstorable = new LiveSettings<>(
                "admission",
                new SettingsStore<>() {
                    @Override
                    public Mono<Optional<AdmissionSettings>> load() {
                        return Mono.just(Optional.of(BEFORE));
                    }

                    @Override
                    public Mono<Void> save(AdmissionSettings settings) {
                        return Mono.error(down);
                    }

                    @Override
                    public Mono<Swap<AdmissionSettings>> swap(
                            AdmissionSettings settings, Optional<AdmissionSettings> expected) {
                        return Mono.error(down);
                    }

                    @Override
                    public Mono<Swap<AdmissionSettings>> swapIfEmpty(AdmissionSettings settings) {
                        return Mono.error(down);
                    }
                },
                BEFORE);
        AdmissionAdmin admin =
                new AdmissionAdmin(unstorable, new UnansweredWaitingRoom() {}, clock, QueueMetrics.NONE, 5);

        assertThatThrownBy(
                        () -> admin.change(AFTER, "10.0.0.7", Optional.empty()).block())
                .isSameAs(down);

        assertThat(lines.list).isEmpty();
        assertThat(unstorable.get()).isEqualTo(BEFORE);
    }

    /** Stored means in force for every instance: audited, though the open round did not take it and ops get a 503. */
    @Test
    void aChangeStoredButNotAppliedToTheRoundsIsStillAuditedAndSaysSo() {
        applyFailure = new DependencyUnavailableException(
                "waiting room store", Duration.ofSeconds(1), new IllegalStateException("timeout"));

        assertThatThrownBy(
                        () -> admin.change(AFTER, "10.0.0.7", Optional.empty()).block())
                .isSameAs(applyFailure);

        assertThat(store.held()).contains(AFTER);
        assertThat(lines.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .satisfiesExactly(
                        changed -> assertThat(changed).contains("changed from " + BEFORE + " to " + AFTER),
                        failed -> assertThat(failed).contains("not fully applied"));
    }

    /** Ops changed the settings on what they last read; someone changed them since: nothing changes, nothing audited. */
    @Test
    void aChangeMadeOnSettingsThatChangedSinceIsNotMade() {
        AdmissionSettings paused = new AdmissionSettings(20, 0, 0, true);
        store.save(paused).block();

        assertThat(admin.change(AFTER, "10.0.0.7", Optional.of(BEFORE)).block())
                .isEqualTo(new AdmissionAdmin.Change.Stale(paused));

        assertThat(store.held()).contains(paused);
        assertThat(applied).isEmpty();
        assertThat(lines.list).isEmpty();
        assertThat(admin.change(AFTER, "10.0.0.7", Optional.of(paused)).block())
                .isEqualTo(new AdmissionAdmin.Change.Made(AFTER));
        assertThat(lines.list)
                .singleElement()
                .satisfies(line -> assertThat(line.getFormattedMessage()).contains("changed from " + paused));
    }
}
