package dev.ticketingwarrior.perf.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The audit's notes (summary.json's {@code skipped}), told once for all the rounds they stand for. */
public final class Notes {

    private static final Pattern ROUND_ID = Pattern.compile("\\d{8}T\\d{6}Z");

    private Notes() {}

    /**
     * The audit's notes as the console and the report show them: notes that differ only in their round (the same check
     * skipped in every round of a long run) are one line, the first, with how many more rounds it stands for and the
     * last of them.
     */
    public static List<String> grouped(List<String> skipped) {
        Map<String, List<String>> byShape = new LinkedHashMap<>();
        for (String line : skipped) {
            byShape.computeIfAbsent(ROUND_ID.matcher(line).replaceAll("<round>"), shape -> new ArrayList<>())
                    .add(line);
        }
        List<String> notes = new ArrayList<>();
        for (List<String> alike : byShape.values()) {
            if (alike.size() == 1) {
                notes.add(alike.getFirst());
                continue;
            }
            Matcher last = ROUND_ID.matcher(alike.getLast());
            String to = last.find() ? ", to round " + last.group() : "";
            notes.add(alike.getFirst() + " (and the same in " + (alike.size() - 1) + " more rounds" + to + ")");
        }
        return notes;
    }
}
