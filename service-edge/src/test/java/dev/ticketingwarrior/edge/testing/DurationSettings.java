package dev.ticketingwarrior.edge.testing;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@link Duration} a service's properties record binds, by the property path {@code application.yml} and the
 * environment spell it ({@code ticketing.admission.active-timeout}), so a test can try each one with a value that
 * should stop start-up, and a knob added later is tried too.
 */
public final class DurationSettings {

    private DurationSettings() {}

    /** The paths of the durations in {@code properties} and the records nested in it, under {@code prefix}. */
    public static List<String> of(Class<? extends Record> properties, String prefix) {
        List<String> paths = new ArrayList<>();
        collect(properties, prefix, paths);
        return List.copyOf(paths);
    }

    /** The record component {@code path} ends in, as its bean-validation message names it ({@code activeTimeout}). */
    public static String component(String path) {
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
    public static String messages(Throwable failure) {
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
