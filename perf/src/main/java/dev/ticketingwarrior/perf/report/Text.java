package dev.ticketingwarrior.perf.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Escaping and the page's number formats; a missing number prints as an em dash. */
final class Text {

    static final String MISSING = "\u2014";

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private Text() {}

    /** Escapes for element text and double-quoted attributes, in HTML and XML alike. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters are not allowed in XML 1.0; a stray one in a detail must not break the page
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** "1 booking", "1,204 bookings". */
    static String plural(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    static String count(Long n) {
        return n == null ? MISSING : grouped(0).format(n);
    }

    /** Up to two decimals below 100, none above: 0.42, 12.5, 1,204. */
    static String number(Double v) {
        if (v == null) {
            return MISSING;
        }
        return Math.abs(v) >= 100 ? grouped(0).format(v) : grouped(2).format(v);
    }

    static String fixed(double v, int decimals) {
        return grouped(decimals).format(v);
    }

    static String signed(Double v) {
        return v == null ? MISSING : String.format(Locale.ROOT, "%+.2f", v);
    }

    static String seconds(Double ms) {
        return ms == null ? MISSING : String.format(Locale.ROOT, "%.1f", ms / 1000);
    }

    /** "2026-12-03 06:15:00 UTC", or the text as written when it is not an instant. */
    static String dateTime(String instant) {
        if (instant == null) {
            return MISSING;
        }
        try {
            return DATE_TIME.format(Instant.parse(instant)) + " UTC";
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    static String time(String instant) {
        if (instant == null) {
            return MISSING;
        }
        try {
            return TIME.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    /** "3 min 5 s" between two instants, or null when either is missing or unreadable. */
    static String between(String from, String to) {
        Instant start = instant(from);
        Instant end = instant(to);
        return start == null || end == null ? null : duration(Duration.between(start, end));
    }

    /** The instant written, or null when it is missing or unreadable. */
    static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An ISO-8601 duration ("PT20S") as "20 s"; anything else as written. */
    static String setting(String value) {
        if (value != null && value.startsWith("P")) {
            try {
                return duration(Duration.parse(value));
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }

    private static String duration(Duration d) {
        if (d.isNegative()) {
            return "-" + duration(d.negated());
        }
        long h = d.toHours();
        int m = d.toMinutesPart();
        int s = d.toSecondsPart();
        int ms = d.toMillisPart();
        if (h > 0) {
            return h + " h " + m + " min";
        }
        if (m > 0) {
            return s == 0 ? m + " min" : m + " min " + s + " s";
        }
        return ms == 0 ? s + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static DecimalFormat grouped(int decimals) {
        // DecimalFormat is not thread-safe: a new one per call, the page is small
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMaximumFractionDigits(decimals);
        f.setMinimumFractionDigits(0);
        return f;
    }
}
