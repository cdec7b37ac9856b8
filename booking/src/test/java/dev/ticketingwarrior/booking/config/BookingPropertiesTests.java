package dev.ticketingwarrior.booking.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.edge.testing.DurationSettings;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The properties as bound from application.yml: the load-test key is off unless set, and refused when weak. */
class BookingPropertiesTests {

    /** Durations where zero means something (no grace, no wait, no cache); every other one stops its work at zero. */
    private static final Set<String> MAY_BE_ZERO = Set.of(
            "ticketing.token.allowed-skew",
            "ticketing.queue.restore-hold-wait",
            "ticketing.debrief.archive-grace",
            "ticketing.debrief.round-cache");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Bound.class);

    @Test
    void theLoadTestKeyIsOffByDefault() {
        context.run(app -> {
            assertThat(app).hasNotFailed();
            BookingProperties.Captcha captcha =
                    app.getBean(BookingProperties.class).captcha();
            assertThat(captcha.hasLoadTestKey()).isFalse();
            assertThat(captcha.loadTestKey()).isEmpty();
        });
    }

    @Test
    void aLoadTestKeyOfThirtyTwoCharactersIsAccepted() {
        context.withPropertyValues("ticketing.captcha.load-test-key=" + "k".repeat(32))
                .run(app -> {
                    assertThat(app).hasNotFailed();
                    BookingProperties.Captcha captcha =
                            app.getBean(BookingProperties.class).captcha();
                    assertThat(captcha.hasLoadTestKey()).isTrue();
                    assertThat(captcha.toString()).doesNotContain("kkkk");
                });
    }

    @Test
    void aLoadTestKeyShorterThanThirtyTwoCharactersStopsStartUp() {
        context.withPropertyValues("ticketing.captcha.load-test-key=" + "k".repeat(31))
                .run(app -> assertThat(app)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("ticketing.captcha.load-test-key")
                        .hasMessageContaining("at least 32 characters")
                        .hasMessageNotContaining("kkkk"));
    }

    @Test
    void aFixedAnswerAndALoadTestKeyTogetherStopStartUp() {
        context.withPropertyValues(
                        "ticketing.captcha.fixed-answer=TEST42", "ticketing.captcha.load-test-key=" + "k".repeat(32))
                .run(app -> assertThat(app).getFailure().rootCause().hasMessageContaining("cannot both be set"));
    }

    @Test
    void noDurationKnobTakesAValueThatWouldStopItsWork() {
        DurationSettings.assertNoneStopsTheWork(context, BookingProperties.class, "ticketing", MAY_BE_ZERO);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BookingProperties.class)
    static class Bound {}
}
