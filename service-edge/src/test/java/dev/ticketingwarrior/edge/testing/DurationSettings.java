package dev.ticketingwarrior.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
        List<String> paths = of(properties, prefix);
        assertThat(paths).containsAll(mayBeZero);
        for (String path : paths) {
            String refused = mayBeZero.contains(path) ? "-1ms" : "0s";
            runner.withPropertyValues(path + "=" + refused)
                    .run(context -> assertThat(context)
                            .as(path + "=" + refused)
                            .getFailure()
                            .satisfies(failure -> assertThat(messages(failure)).contains(component(path))));
        }
        for (String path : mayBeZero) {
            runner.withPropertyValues(path + "=0s")
                    .run(context -> assertThat(context).as(path + "=0s").hasNotFailed());
        }
    }

    /** The paths of the durations in {@code properties} and the records nested in it, under {@code prefix}. */
    private static List<String> of(Class<? extends Record> properties, String prefix) {
        List<String> paths = new ArrayList<>();
        collect(properties, prefix, paths);
        return List.copyOf(paths);
    }

    /** The record component {@code path} ends in, as its bean-validation message names it ({@code activeTimeout}). */
    private static String component(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        StringBuilder camel = new StringBuilder();
        for (int i = 0; i < last.length(); i++) {
            char c = last.charAt(i);
            if (c == '-' && i + 1 < last.length()) {
                camel.append(Character.toUpperCase(last.charAt(++i)));
            } else {
                camel.append(c);
            }
        }
        return camel.toString();
    }

    /** Every message of {@code failure} and its causes, one per line: binding names the path, validation the field. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static void collect(Class<?> type, String prefix, List<String> paths) {
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + "." + kebab(component.getName());
            if (component.getType() == Duration.class) {
                paths.add(path);
            } else if (component.getType().isRecord()) {
                collect(component.getType(), path, paths);
            }
        }
    }

    private static String kebab(String camel) {
        StringBuilder kebab = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString();
    }
}
