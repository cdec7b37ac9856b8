package dev.ticketingwarrior.perf.report;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ticketingwarrior.perf.report.Summary.Bots;
import dev.ticketingwarrior.perf.report.Summary.Fault;
import dev.ticketingwarrior.perf.report.Summary.FaultEvent;
import dev.ticketingwarrior.perf.report.Summary.Round;
import dev.ticketingwarrior.perf.report.Summary.SellOutPoint;
import dev.ticketingwarrior.perf.report.Summary.Settlement;
import dev.ticketingwarrior.perf.report.Summary.Stats;
import dev.ticketingwarrior.perf.report.Summary.TargetHealth;
import dev.ticketingwarrior.perf.report.Summary.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads summary.json leniently: unknown fields are ignored, a missing or null or non-numeric number becomes null, a
 * number written as a string ("12", "NaN") is read as one. A half-written file from an interrupted soak should still
 * make a page.
 */
final class SummaryReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private SummaryReader() {}

    static Summary read(Path file) throws IOException {
        String text = Files.readString(file);
        JsonNode root = text.isBlank() ? null : JSON.readTree(text);
        return parse(root);
    }

    static Summary parse(JsonNode root) {
        JsonNode r = root == null ? JSON.createObjectNode() : root;
        List<Round> rounds = new ArrayList<>();
        JsonNode perRound = r.path("perRound");
        for (int i = 0; i < perRound.size(); i++) {
            if (perRound.get(i).isObject()) {
                rounds.add(round(perRound.get(i), i + 1));
            }
        }
        return new Summary(
                count(r.path("rounds")),
                count(r.path("warmUpRounds")),
                count(r.path("players")),
                count(r.path("accepted")),
                count(r.path("confirmed")),
                count(r.path("rejected")),
                count(r.path("lost")),
                count(r.path("oversold")),
                count(r.path("dlq")),
                bots(r.path("bots")),
                violations(r.path("violations"), null),
                number(r.path("heapSlopeMbPerRound")),
                numbers(r.path("heapSlopeByService")),
                text(r.path("report")),
                text(r.path("target")),
                text(r.path("startedAt")),
                text(r.path("finishedAt")),
                settings(r.path("settings")),
                texts(r.path("skipped")),
                rounds,
                faults(r.path("faults")),
                targetHealth(r.path("targetHealth")),
                count(r.path("gatlingStatus")),
                texts(r.path("gatlingFailedAssertions")));
    }

    private static List<TargetHealth> targetHealth(JsonNode n) {
        List<TargetHealth> list = new ArrayList<>();
        for (JsonNode h : n) {
            if (h.isObject()) {
                JsonNode inService = h.path("inService");
                list.add(new TargetHealth(
                        text(h.path("at")),
                        text(h.path("balancer")),
                        text(h.path("target")),
                        text(h.path("address")),
                        inService.isBoolean() ? inService.booleanValue() : null,
                        h.path("draining").asBoolean(false)));
            }
        }
        return List.copyOf(list);
    }

    private static List<Fault> faults(JsonNode n) {
        List<Fault> list = new ArrayList<>();
        for (JsonNode f : n) {
            if (!f.isObject()) {
                continue;
            }
            List<FaultEvent> events = new ArrayList<>();
            for (JsonNode e : f.path("events")) {
                if (e.isObject() && text(e.path("text")) != null) {
                    events.add(new FaultEvent(text(e.path("at")), text(e.path("text"))));
                }
            }
            Long exit = count(f.path("exitCode"));
            list.add(new Fault(
                    text(f.path("name")),
                    text(f.path("argument")),
                    text(f.path("startedAt")),
                    text(f.path("endedAt")),
                    exit == null ? null : exit.intValue(),
                    List.copyOf(events)));
        }
        return List.copyOf(list);
    }

    private static Round round(JsonNode n, int position) {
        Long index = count(n.path("index"));
        String roundId = text(n.path("roundId"));
        return new Round(
                index != null ? index.intValue() : position,
                n.path("warmUp").asBoolean(false),
                roundId,
                text(n.path("opensAt")),
                count(n.path("players")),
                count(n.path("admitted")),
                count(n.path("late")),
                count(n.path("placeReleased")),
                count(n.path("noSeat")),
                count(n.path("errors")),
                count(n.path("booked")),
                count(n.path("confirmed")),
                count(n.path("rejected")),
                count(n.path("lost")),
                bots(n.path("bots")),
                count(n.path("oversold")),
                count(n.path("dlq")),
                count(n.path("seats")),
                count(n.path("seatsSold")),
                number(n.path("soldOutMs")),
                steps(n.path("steps")),
                n.path("confirmationLagMs").isObject() ? stats(n.path("confirmationLagMs")) : null,
                numbers(n.path("heapMb")),
                numbers(n.path("rssMb")),
                pids(n.path("pids")),
                sellOut(n.path("sellOut")),
                settled(n.path("settled")),
                violations(n.path("violations"), roundId));
    }

    /** Null when the field is absent or not an object (a summary from before the bots were counted). */
    private static Bots bots(JsonNode n) {
        if (!n.isObject()) {
            return null;
        }
        return new Bots(
                count(n.path("accepted")),
                count(n.path("confirmed")),
                count(n.path("rejected")),
                count(n.path("lost")));
    }

    private static Map<String, Stats> steps(JsonNode n) {
        Map<String, Stats> steps = new LinkedHashMap<>();
        n.properties().forEach(e -> {
            if (e.getValue().isObject()) {
                steps.put(e.getKey(), stats(e.getValue()));
            }
        });
        return Collections.unmodifiableMap(steps);
    }

    private static Stats stats(JsonNode n) {
        return new Stats(
                count(n.path("count")),
                count(n.path("errors")),
                number(n.path("p50")),
                number(n.path("p95")),
                number(n.path("p99")),
                number(n.path("max")));
    }

    /** [[ms since the round opened, seats sold], …] in time order. */
    private static List<SellOutPoint> sellOut(JsonNode n) {
        List<SellOutPoint> points = new ArrayList<>(pairs(n, SellOutPoint::new));
        points.sort((a, b) -> Double.compare(a.ms(), b.ms()));
        return List.copyOf(points);
    }

    /** [[ms since the round opened booked, … settled], …]. */
    private static List<Settlement> settled(JsonNode n) {
        return pairs(n, Settlement::new);
    }

    /** A list of two-number lists, each made into a {@code T}; a pair that is not two numbers is skipped. */
    private static <T> List<T> pairs(JsonNode n, BiFunction<Double, Double, T> of) {
        List<T> pairs = new ArrayList<>();
        for (JsonNode pair : n) {
            Double first = number(pair.path(0));
            Double second = number(pair.path(1));
            if (first != null && second != null) {
                pairs.add(of.apply(first, second));
            }
        }
        return List.copyOf(pairs);
    }

    /** Null when the field is absent or not a list, so that "not said" stays apart from "none". */
    private static List<Violation> violations(JsonNode n, String roundId) {
        if (!n.isArray()) {
            return null;
        }
        List<Violation> list = new ArrayList<>();
        for (JsonNode v : n) {
            if (v.isObject()) {
                String id = text(v.path("roundId"));
                list.add(new Violation(id != null ? id : roundId, text(v.path("invariant")), text(v.path("detail"))));
            } else if (!v.isNull()) {
                list.add(new Violation(roundId, null, v.asText()));
            }
        }
        return List.copyOf(list);
    }

    private static Map<String, Long> pids(JsonNode n) {
        Map<String, Long> map = new LinkedHashMap<>();
        n.properties().forEach(e -> {
            if (e.getValue().isIntegralNumber()) {
                map.put(e.getKey(), e.getValue().longValue());
            }
        });
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, Double> numbers(JsonNode n) {
        Map<String, Double> map = new LinkedHashMap<>();
        n.properties().forEach(e -> map.put(e.getKey(), number(e.getValue())));
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, String> settings(JsonNode n) {
        Map<String, String> map = new LinkedHashMap<>();
        n.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                map.put(
                        e.getKey(),
                        e.getValue().isValueNode()
                                ? e.getValue().asText()
                                : e.getValue().toString());
            }
        });
        return Collections.unmodifiableMap(map);
    }

    private static List<String> texts(JsonNode n) {
        List<String> list = new ArrayList<>();
        for (JsonNode v : n) {
            if (!v.isNull()) {
                list.add(v.isValueNode() ? v.asText() : v.toString());
            }
        }
        return List.copyOf(list);
    }

    private static String text(JsonNode n) {
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    /** A finite number, or null. */
    static Double number(JsonNode n) {
        double d;
        if (n.isNumber()) {
            d = n.doubleValue();
        } else if (n.isTextual()) {
            try {
                d = Double.parseDouble(n.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return Double.isFinite(d) ? d : null;
    }

    private static Long count(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        Double d = number(n);
        return d == null ? null : Math.round(d);
    }
}
