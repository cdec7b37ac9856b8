package dev.ticketingwarrior.botrunner.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.edge.testing.DurationSettings;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The knobs as {@code application.yml} binds them, with the bounds that keep the fleet working. */
class BotRunnerPropertiesTests {

    /** Durations where zero means something (prepare at the open, never collect); every other one stops its work. */
    private static final Set<String> MAY_BE_ZERO =
            Set.of("ticketing.bots.prepare-ahead", "ticketing.bots.collect-before-open");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Bound.class);

    @Test
    void bindsTheDefaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(BotRunnerProperties.class).bots().perRound())
                    .isEqualTo(150);
        });
    }

    @Test
    void noDurationKnobTakesAValueThatWouldStopItsWork() {
        DurationSettings.assertNoneStopsTheWork(runner, BotRunnerProperties.class, "ticketing", MAY_BE_ZERO);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BotRunnerProperties.class)
    static class Bound {}
}
