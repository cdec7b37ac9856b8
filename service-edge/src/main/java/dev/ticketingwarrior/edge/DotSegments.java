package dev.ticketingwarrior.edge;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a request target, as sent, has a dot segment ({@code .} or {@code ..}, written as is or percent-encoded,
 * with or without matrix parameters). No URL of the services has one, and the servers resolve them before routing: a
 * proxy or load balancer that routes by prefix ({@code /api/*}) would pass {@code /api/%2e%2e/actuator/prometheus} on
 * to a path it never meant to expose. Both edges refuse such targets with a 400 before anything else reads them.
 */
public final class DotSegments {

    /** What separates segments once a server has decoded them: {@code /}, {@code \\}, and both percent-encoded. */
    private static final Pattern SEPARATORS = Pattern.compile("/|\\\\|%2[fF]|%5[cC]");

    private DotSegments() {}

    /** {@code target}: the request line's target, undecoded (origin or absolute form, query included or not). */
    public static boolean in(String target) {
        String path = path(target);
        for (String segment : SEPARATORS.split(path, -1)) {
            String name = segment.split(";", 2)[0].toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (name.equals(".") || name.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static String path(String target) {
        String path = target;
        int scheme = path.indexOf("://");
        if (scheme >= 0 && scheme < path.indexOf('/')) {
            int start = path.indexOf('/', scheme + 3);
            path = start < 0 ? "" : path.substring(start);
        }
        int end = path.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = path.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return path.substring(0, end);
    }
}
