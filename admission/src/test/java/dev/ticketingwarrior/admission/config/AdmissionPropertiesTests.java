package dev.ticketingwarrior.admission.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.edge.testing.DurationSettings;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The knobs as {@code application.yml} binds them, with the bounds that keep the service's promises. */
class AdmissionPropertiesTests {

    /** The one duration where zero means something (tokens expire at the close); every other one stops its work. */
    private static final Set<String> MAY_BE_ZERO = Set.of("ticketing.token.grace");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Bound.class);

    @Test
    void beatsAQuietStreamEvery15SecondsByDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(AdmissionProperties.class).admission().sseKeepAlive())
                    .isEqualTo(Duration.ofSeconds(15));
        });
    }

    @Test
    void refusesABeatSlowerThanAClientWaitsBeforeItTakesAStreamForDead() {
        runner.withPropertyValues("ticketing.admission.sse-keep-alive=16s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("sseKeepAlive");
        });
    }

    @Test
    void refusesABeatSoFastThatQuietStreamsWouldCostWhatBusyOnesDo() {
        runner.withPropertyValues("ticketing.admission.sse-keep-alive=50ms").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("sseKeepAlive");
        });
    }

    @Test
    void takesABeatAtEitherBound() {
        for (String beat : new String[] {"100ms", "15s"}) {
            runner.withPropertyValues("ticketing.admission.sse-keep-alive=" + beat)
                    .run(context -> assertThat(context).hasNotFailed());
        }
    }

    @Test
    void noDurationKnobTakesAValueThatWouldStopItsWork() {
        DurationSettings.assertNoneStopsTheWork(runner, AdmissionProperties.class, "ticketing", MAY_BE_ZERO);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AdmissionProperties.class)
    static class Bound {}
}
