package dev.ticketingwarrior.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request targets that climb out of the path a proxy routed them by, as a probe sent them through the web front. */
class DotSegmentsTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/%2e%2e/actuator/prometheus",
                "/api/v1/bots/%2E%2E/%2e%2e/%2e%2e/actuator/prometheus",
                "/.well-known/../actuator/prometheus",
                "/api/v1/../v1/clock",
                "/api/./v1/clock",
                "/api/.%2e/v3/api-docs",
                "/api/..;x=y/actuator",
                "/api/%2e%2e%2factuator",
                "/api\\..\\actuator",
                "/..",
                "http://example.com/api/%2e%2e/actuator?x=1",
                "/api/v1/../v1/clock?x=1"
            })
    void findsTheDotSegmentsOfATarget(String target) {
        assertThat(DotSegments.in(target)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/clock",
                "/api/v1/queue/20261206T150000Z-12-abc/events",
                "/api/v1/leaderboard?period=..",
                "/api/v1/rounds/.../results",
                "/api/v1/players/history#..",
                "/api/v1/a.b/c..d",
                "/",
                "*",
                "http://example.com/api/v1/clock"
            })
    void leavesOtherTargetsAlone(String target) {
        assertThat(DotSegments.in(target)).isFalse();
    }

    @Test
    void anEmptyTargetHasNone() {
        assertThat(DotSegments.in("")).isFalse();
    }
}
