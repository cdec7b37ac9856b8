package dev.ticketingwarrior.shared.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RoundClockTests {

    private static RoundClock clockAt(String instant) {
        return new RoundClock(
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), Duration.ofSeconds(60), Duration.ofSeconds(15));
    }

    @Test
    void roundStartsAtTheWholeMinuteAndIsNamedAfterIt() {
        Round round = clockAt("2026-11-24T10:15:42.123Z").current();

        assertThat(round.id().value()).isEqualTo("20261124T101500Z");
        assertThat(round.opensAt()).isEqualTo(Instant.parse("2026-11-24T10:15:00Z"));
        assertThat(round.closesAt()).isEqualTo(Instant.parse("2026-11-24T10:15:15Z"));
        assertThat(round.endsAt()).isEqualTo(Instant.parse("2026-11-24T10:16:00Z"));
    }

    @Test
    void isOpenFromSecondZeroInclusiveToSecondFifteenExclusive() {
        RoundClock clock = clockAt("2026-11-24T10:15:00Z");

        assertThat(clock.phaseAt(Instant.parse("2026-11-24T10:14:59.999Z"))).isEqualTo(RoundPhase.CLOSED);
        assertThat(clock.phaseAt(Instant.parse("2026-11-24T10:15:00Z"))).isEqualTo(RoundPhase.OPEN);
        assertThat(clock.phaseAt(Instant.parse("2026-11-24T10:15:14.999Z"))).isEqualTo(RoundPhase.OPEN);
        assertThat(clock.phaseAt(Instant.parse("2026-11-24T10:15:15Z"))).isEqualTo(RoundPhase.CLOSED);
        assertThat(clock.phaseAt(Instant.parse("2026-11-24T10:15:59.999Z"))).isEqualTo(RoundPhase.CLOSED);
    }

    @Test
    void nextRoundStartsWhereTheCurrentOneEnds() {
        RoundClock clock = clockAt("2026-11-24T23:59:30Z");

        Round next = clock.nextAfter(clock.now());

        assertThat(next.id().value()).isEqualTo("20261125T000000Z");
        assertThat(next.opensAt()).isEqualTo(clock.current().endsAt());
    }

    @Test
    void shortPeriodsStartAtMultiplesOfThePeriodSinceTheEpoch() {
        RoundClock clock = new RoundClock(
                Clock.fixed(Instant.parse("2026-11-24T10:15:47Z"), ZoneOffset.UTC),
                Duration.ofSeconds(20),
                Duration.ofSeconds(10));

        Round round = clock.current();

        assertThat(round.opensAt()).isEqualTo(Instant.parse("2026-11-24T10:15:40Z"));
        assertThat(round.closesAt()).isEqualTo(Instant.parse("2026-11-24T10:15:50Z"));
        assertThat(round.phaseAt(clock.now())).isEqualTo(RoundPhase.OPEN);
        assertThat(clock.nextAfter(clock.now()).opensAt()).isEqualTo(Instant.parse("2026-11-24T10:16:00Z"));
    }

    @Test
    void openForTheWholePeriodIsAlwaysOpen() {
        RoundClock clock = new RoundClock(Clock.systemUTC(), Duration.ofSeconds(60), Duration.ofSeconds(60));

        assertThat(clock.phaseAt(Instant.parse("2026-11-24T10:15:59.999Z"))).isEqualTo(RoundPhase.OPEN);
        assertThat(clock.phaseAt(Instant.parse("2026-11-24T10:16:00Z"))).isEqualTo(RoundPhase.OPEN);
    }

    @Test
    void followsTheInjectedClockAsItMoves() {
        MutableClock time = new MutableClock(Instant.parse("2026-11-24T10:15:14Z"));
        RoundClock clock = new RoundClock(time, Duration.ofSeconds(60), Duration.ofSeconds(15));
        assertThat(clock.current().isOpenAt(clock.now())).isTrue();

        time.advance(Duration.ofSeconds(1));

        assertThat(clock.current().isOpenAt(clock.now())).isFalse();
        assertThat(clock.current().id().value()).isEqualTo("20261124T101500Z");
    }

    @Test
    void findsARoundByIdOnlyWhenItIsARoundStart() {
        RoundClock clock = clockAt("2026-11-24T10:15:00Z");

        assertThat(clock.round(new RoundId("20261124T090000Z")).closesAt())
                .isEqualTo(Instant.parse("2026-11-24T09:00:15Z"));
        assertThat(clock.isRoundStart(new RoundId("20261124T090030Z"))).isFalse();
        assertThatThrownBy(() -> clock.round(new RoundId("20261124T090030Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesPeriodsAndWindowsThatMakeNoSense() {
        Clock utc = Clock.systemUTC();
        assertThatThrownBy(() -> new RoundClock(utc, Duration.ofMillis(1500), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoundClock(utc, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoundClock(utc, Duration.ofSeconds(60), Duration.ofSeconds(61)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoundClock(utc, Duration.ofSeconds(60), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock tests can move by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
