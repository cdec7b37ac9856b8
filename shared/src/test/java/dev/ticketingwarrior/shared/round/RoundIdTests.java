package dev.ticketingwarrior.shared.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoundIdTests {

    @Test
    void formatsTheStartInUtcWithSecondPrecision() {
        RoundId id = RoundId.startingAt(Instant.parse("2026-11-24T10:15:00.999Z"));

        assertThat(id.value()).isEqualTo("20261124T101500Z");
        assertThat(id.start()).isEqualTo(Instant.parse("2026-11-24T10:15:00Z"));
        assertThat(id.hashTag()).isEqualTo("{r:20261124T101500Z}");
    }

    @Test
    void acceptsTheDaysThatExist() {
        assertThat(RoundId.parse("20280229T235900Z").map(RoundId::start))
                .contains(Instant.parse("2028-02-29T23:59:00Z"));
        assertThat(RoundId.parse("20261231T000000Z").map(RoundId::start))
                .contains(Instant.parse("2026-12-31T00:00:00Z"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "20261124T101500",
                "20261124101500Z",
                "20261324T101500Z",
                "20261124T256000Z",
                "20260230T101500Z", // no Feb 30 (a lenient parse would take it for Feb 28)
                "20270229T000000Z", // 2027 is not a leap year
                "20261131T000000Z",
                "20261124T240000Z", // hour 24: another name for the next day's 00:00
                "x0261124T101500Z",
                "20261124T101500Z ",
                "../../etc/passwd",
                "٢٠٢٦١١٢٤T101500Z"
            })
    void parsingRejectsAnythingThatIsNotARoundId(String text) {
        assertThat(RoundId.parse(text)).isEmpty();
    }

    @Test
    void constructorRejectsBadShapes() {
        assertThatThrownBy(() -> new RoundId("2026-11-24")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersChronologically() {
        assertThat(new RoundId("20261124T101500Z")).isLessThan(new RoundId("20261124T101600Z"));
    }
}
