package dev.ticketingwarrior.perf.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of Gatling's assertions failed, as its HTML report's assertions table names them ("clock: 99th percentile of
 * response time is less than or equal to 5000.0"). Gatling's exit status alone says only that one did; its run ends
 * before its report is read, so the table is the one place that names them.
 */
final class GatlingAssertions {

    /** A row of the table: its first cell's class ends in {@code ok} or {@code ko}, its text is the assertion. */
    private static final Pattern ROW =
            Pattern.compile("<td class=\"error-col-1 (ok|ko)\\b[^\"]*\">\\s*(.*?)\\s*(?:<span|</td>)", Pattern.DOTALL);

    private GatlingAssertions() {}

    /** The failed assertions of the report at {@code index} (empty when there is none, or no report to read). */
    static List<String> failed(Optional<Path> index) {
        if (index.isEmpty()) {
            return List.of();
        }
        try {
            return failed(Files.readString(index.get()));
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<String> failed(String html) {
        List<String> failed = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            if (row.group(1).equals("ko")) {
                failed.add(unescape(row.group(2).replaceAll("\\s+", " ")));
            }
        }
        return List.copyOf(failed);
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
