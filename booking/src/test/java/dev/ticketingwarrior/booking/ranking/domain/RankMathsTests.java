package dev.ticketingwarrior.booking.ranking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankMathsTests {

    @Test
    void positionIsOnePlusThoseStrictlyFaster() {
        assertThat(RankMaths.position(0)).isEqualTo(1);
        assertThat(RankMaths.position(7)).isEqualTo(8);
    }

    @Test
    void topPercentIsPositionOverTotalWithOneDecimal() {
        assertThat(RankMaths.topPercent(1, 1)).isEqualTo(100.0);
        assertThat(RankMaths.topPercent(2, 5)).isEqualTo(40.0);
        assertThat(RankMaths.topPercent(1, 3))
                .as("rounded up: never better than the truth")
                .isEqualTo(33.4);
        assertThat(RankMaths.topPercent(1, 2001)).as("not 'top 0.0 %'").isEqualTo(0.1);
        assertThat(RankMaths.topPercent(7, 100)).isEqualTo(7.0);
        assertThat(RankMaths.topPercent(3, 1000)).isEqualTo(0.3);
        assertThat(RankMaths.topPercent(1, 0)).isEqualTo(100.0);
    }

    @Test
    void tiersFollowTheSpecThresholds() {
        assertThat(RankMaths.tier(5.0)).isEqualTo("최상위권");
        assertThat(RankMaths.tier(5.1)).isEqualTo("상위권");
        assertThat(RankMaths.tier(10.0)).isEqualTo("상위권");
        assertThat(RankMaths.tier(20.0)).isEqualTo("중상위권");
        assertThat(RankMaths.tier(20.1)).isNull();
        // 63rd of 1,250 is 5.04 %: shown as 5.1 (rounded up), not in the top 5 %, and the shown number says the same
        assertThat(RankMaths.topPercent(63, 1250)).isEqualTo(5.1);
        assertThat(RankMaths.tier(63, 1250)).isEqualTo("상위권");
        assertThat(RankMaths.tier(RankMaths.topPercent(63, 1250))).isEqualTo("상위권");
        assertThat(RankMaths.topPercent(62, 1250)).isEqualTo(5.0);
        assertThat(RankMaths.tier(5, 100)).isEqualTo("최상위권");
        assertThat(Rank.Standing.of(62, 1250).tier()).isEqualTo("상위권");
    }

    @Test
    void tiedDurationsShareTheBetterPosition() {
        // durations 1000, 2000, 2000, 3000: both 2000s have one strictly faster
        Rank.Standing tie = Rank.Standing.of(1, 4);
        assertThat(tie.position()).isEqualTo(2);
        assertThat(tie.topPercent()).isEqualTo(50.0);
    }

    @Test
    void botsBeatenIsTheShareOfSlowerBotsOrNothingWithoutBots() {
        assertThat(RankMaths.beatenPercent(1, 3)).isEqualTo(33.3);
        assertThat(RankMaths.beatenPercent(3, 3)).isEqualTo(100.0);
        assertThat(RankMaths.beatenPercent(2000, 2001))
                .as("one bot was faster: not 100 %")
                .isEqualTo(99.9);
        assertThat(RankMaths.beatenPercent(2, 3)).as("rounded down").isEqualTo(66.6);
        assertThat(RankMaths.beatenPercent(0, 0)).isNull();
    }

    @Test
    void medianIsTheMiddleOrTheMeanOfTheTwoMiddles() {
        assertThat(RankMaths.medianOffset(5)).isEqualTo(2);
        assertThat(RankMaths.medianWidth(5)).isEqualTo(1);
        assertThat(RankMaths.median(List.of(2000L), 5)).isEqualTo(2000L);
        assertThat(RankMaths.medianOffset(4)).isEqualTo(1);
        assertThat(RankMaths.medianWidth(4)).isEqualTo(2);
        assertThat(RankMaths.median(List.of(1500L, 2500L), 4)).isEqualTo(2000L);
        assertThat(RankMaths.median(List.of(), 0)).isNull();
    }

    @Test
    void durationsFallIntoHalfOpenBuckets() {
        assertThat(RankMaths.bucket(0, 1000)).isZero();
        assertThat(RankMaths.bucket(999, 1000)).isZero();
        assertThat(RankMaths.bucket(1000, 1000)).isEqualTo(1);
        assertThat(RankMaths.bucket(-5, 1000)).isZero();
    }
}
