package dev.ticketingwarrior.admission.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import org.junit.jupiter.api.Test;

class ServingCounterTests {

    private static final long OPEN = 1_000_000;
    private static final long CLOSE = OPEN + 15_000;
    private static final long MANY = 1_000_000;

    private static AdmissionSettings rate(double perSecond) {
        return new AdmissionSettings(perSecond, 0, 0, false);
    }

    private static ServingOracle.State at(long millisSinceOpen, AdmissionSettings settings) {
        return ServingOracle.advance(
                ServingOracle.State.openedAt(OPEN), OPEN + millisSinceOpen, CLOSE, settings, MANY, 0);
    }

    @Test
    void admitsTwentyPerSecondForTwoSecondsAsForty() {
        assertThat(at(2_000, rate(20)).served()).isEqualTo(40);
    }

    @Test
    void admitsTheOpenBatchAtOnce() {
        assertThat(at(1, new AdmissionSettings(0, 25, 0, false)).served()).isEqualTo(25);
        assertThat(at(1_000, new AdmissionSettings(5, 25, 0, false)).served()).isEqualTo(30);
    }

    @Test
    void neverAdmitsMoreThanEntered() {
        var state = ServingOracle.advance(ServingOracle.State.openedAt(OPEN), OPEN + 10_000, CLOSE, rate(100), 7, 0);
        assertThat(state.served()).isEqualTo(7);
    }

    @Test
    void integratesRateChangesPiecewise() {
        var state = ServingOracle.State.openedAt(OPEN);
        state = ServingOracle.advance(state, OPEN + 1_000, CLOSE, rate(10), MANY, 0);
        state = ServingOracle.advance(state, OPEN + 2_000, CLOSE, rate(30), MANY, 0);
        assertThat(state.served()).isEqualTo(40);
    }

    @Test
    void advancingInManySmallStepsEqualsOneBigStep() {
        var stepped = ServingOracle.State.openedAt(OPEN);
        for (int i = 1; i <= 300; i++) {
            stepped = ServingOracle.advance(stepped, OPEN + i * 10L, CLOSE, rate(7.3), MANY, 0);
        }
        assertThat(stepped.served()).isEqualTo(at(3_000, rate(7.3)).served()).isEqualTo(21);
    }

    @Test
    void countsDecimalRatesWithoutLosingAnAdmissionToRounding() {
        assertThat(at(30_000 / 3, rate(0.3)).served()).isEqualTo(3);
        var state = ServingOracle.State.openedAt(OPEN);
        for (int i = 1; i <= 30; i++) {
            state = ServingOracle.advance(state, OPEN + i * 1_000L / 3, CLOSE, rate(0.3), MANY, 0);
        }
        assertThat(state.accumulated()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void pausedAdmitsNoneAndDoesNotCatchUpAfterwards() {
        var paused = new AdmissionSettings(10, 5, 0, true);
        var state = ServingOracle.advance(ServingOracle.State.openedAt(OPEN), OPEN + 5_000, CLOSE, paused, MANY, 0);
        assertThat(state.served()).isZero();
        state = ServingOracle.advance(state, OPEN + 6_000, CLOSE, new AdmissionSettings(10, 5, 0, false), MANY, 0);
        assertThat(state.served()).isEqualTo(15);
    }

    @Test
    void capsActivePlayersAndFreesSlotsAsTheyLeave() {
        var capped = new AdmissionSettings(100, 0, 3, false);
        var state = ServingOracle.advance(ServingOracle.State.openedAt(OPEN), OPEN + 1_000, CLOSE, capped, MANY, 0);
        assertThat(state.served()).isEqualTo(3);
        state = ServingOracle.advance(state, OPEN + 1_100, CLOSE, capped, MANY, 2);
        assertThat(state.served()).isEqualTo(5);
    }

    @Test
    void stopsAtTheClose() {
        assertThat(at(60_000, rate(1)).served()).isEqualTo(15);
    }

    @Test
    void neverGoesBackwards() {
        var state = at(2_000, rate(10));
        var lowered = ServingOracle.advance(state, OPEN + 3_000, CLOSE, new AdmissionSettings(0, 0, 1, false), MANY, 0);
        assertThat(lowered.served()).isEqualTo(20);
        assertThat(ServingOracle.advance(state, OPEN + 1_000, CLOSE, rate(10), MANY, 0))
                .isEqualTo(state);
    }

    @Test
    void estimatesTheWaitFromTheRate() {
        assertThat(ServingCounter.etaSeconds(10, rate(4))).isEqualTo(3);
        assertThat(ServingCounter.etaSeconds(8, rate(4))).isEqualTo(2);
        assertThat(ServingCounter.etaSeconds(0, rate(4))).isZero();
        assertThat(ServingCounter.etaSeconds(5, rate(0))).isNull();
        assertThat(ServingCounter.etaSeconds(5, new AdmissionSettings(4, 0, 0, true)))
                .isNull();
    }

    /** Found by a probe: a rate of 1e-320 is accepted (a pause in effect) and showed a wait of Long.MAX_VALUE s. */
    @Test
    void aWaitLongerThanADayIsNoEstimate() {
        assertThat(ServingCounter.etaSeconds(5, rate(1e-320))).isNull();
        assertThat(ServingCounter.etaSeconds(5, rate(0.00001))).isNull();
        assertThat(ServingCounter.etaSeconds(86_400, rate(1))).isEqualTo(86_400);
        assertThat(ServingCounter.etaSeconds(86_401, rate(1))).isNull();
    }
}
