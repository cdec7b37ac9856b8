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

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "20261124T101500",
                "20261124101500Z",
                "20261324T101500Z",
                "20261124T256000Z",
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
