package dev.ticketingwarrior.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every {@link Duration} a service's properties record binds, by the property path {@code application.yml} and the
 * environment spell it ({@code ticketing.admission.active-timeout}), so a test can try each one with a value that
 * should stop start-up, and a knob added later is tried too.
 */
public final class DurationSettings {

    private DurationSettings() {}

    /**
     * Asserts that every duration of {@code properties} (bound under {@code prefix} by {@code runner}) stops start-up at
     * zero, naming itself, and those in {@code mayBeZero}, where zero means something, below zero instead, and start
     * at zero.
     */
    public static void assertNoneStopsTheWork(
            ApplicationContextRunner runner, Class<? extends Record> properties, String prefix, Set<String> mayBeZero) {
        List<Knob> knobs = of(properties, prefix);
        assertThat(knobs).extracting(Knob::path).containsAll(mayBeZero);
        for (Knob knob : knobs) {
            String refused = mayBeZero.contains(knob.path()) ? "-1ms" : "0s";
            runner.withPropertyValues(knob.path() + "=" + refused)
                    .run(context -> assertThat(context)
                            .as(knob.path() + "=" + refused)
                            .getFailure()
                            .satisfies(failure -> assertThat(messages(failure)).contains(knob.component())));
        }
        for (String path : mayBeZero) {
            runner.withPropertyValues(path + "=0s")
                    .run(context -> assertThat(context).as(path + "=0s").hasNotFailed());
        }
    }

    /** A duration: its property path, and the record component bean validation names it by. */
    private record Knob(String path, String component) {}

    /** The durations in {@code properties} and the records nested in it, under {@code prefix}. */
    private static List<Knob> of(Class<? extends Record> properties, String prefix) {
        List<Knob> knobs = new ArrayList<>();
        collect(properties, prefix, knobs);
        return List.copyOf(knobs);
    }

    /** Every message of {@code failure} and its causes, one per line: binding names the path, validation the field. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static void collect(Class<?> type, String prefix, List<Knob> knobs) {
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + "." + DataObjectPropertyName.toDashedForm(component.getName());
            if (component.getType() == Duration.class) {
                knobs.add(new Knob(path, component.getName()));
            } else if (component.getType().isRecord()) {
                collect(component.getType(), path, knobs);
            }
        }
    }
}
