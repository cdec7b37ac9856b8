package dev.ticketingwarrior.perf.soak;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultDrillsTests {

    @Test
    void refusesADrillThatDoesNotExistBeforeAnythingStarts() {
        assertThatThrownBy(() -> FaultDrills.plan(List.of("unplug-the-datacentre")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no fault drill 'unplug-the-datacentre'");
    }

    @Test
    void refusesANameThatCouldEscapeTheDrillsFolder() {
        assertThatThrownBy(() -> FaultDrills.plan(List.of("../../bin/true")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
