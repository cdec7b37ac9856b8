package dev.ticketingwarrior.admission.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.edge.testing.DurationSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The knobs as {@code application.yml} binds them, with the bounds that keep the service's promises. */
class AdmissionPropertiesTests {

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

    /** Durations where zero means something (no grace, no wait, no cache); every other one stops its work at zero. */
    private static final Set<String> MAY_BE_ZERO = Set.of("ticketing.token.grace");

    @Test
    void everyDurationKnobRefusesAValueThatWouldStopItsWork() {
        List<String> paths = DurationSettings.of(AdmissionProperties.class, "ticketing");
        assertThat(paths).containsAll(MAY_BE_ZERO);
        for (String path : paths) {
            String refused = MAY_BE_ZERO.contains(path) ? "-1ms" : "0s";
            String component = DurationSettings.component(path);
            runner.withPropertyValues(path + "=" + refused)
                    .run(context -> assertThat(context)
                            .as(path + "=" + refused)
                            .getFailure()
                            .satisfies(failure -> assertThat(DurationSettings.messages(failure))
                                    .contains(component)));
        }
    }

    @Test
    void theDurationsWhereZeroMeansSomethingTakeZero() {
        for (String path : MAY_BE_ZERO) {
            runner.withPropertyValues(path + "=0s")
                    .run(context -> assertThat(context).as(path).hasNotFailed());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AdmissionProperties.class)
    static class Bound {}
}
