package dev.ticketingwarrior.perf.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** summary.json files shaped like perf/soak's, made up from a seed. */
final class SoakSamples {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant START = Instant.parse("2026-12-03T06:15:00Z");
    static final String VIOLATION_DETAIL = "booking 01JEXAMPLE0000000000000042 accepted 202, in neither table";
    static final int SEATS = 100;

    /** Step name and its typical p99 in ms: orders of magnitude apart, as a real round's are. */
    static final Map<String, Double> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("clock", 12.0);
        STEPS.put("entry", 35.0);
        STEPS.put("wait", 2400.0);
        STEPS.put("letter", 60.0);
        STEPS.put("seats", 25.0);
        STEPS.put("hold", 80.0);
        STEPS.put("book", 140.0);
        STEPS.put("confirm", 900.0);
    }

    private SoakSamples() {}

    /**
     * {@code rounds} rounds of 300 players, the bots booking the seats the players did not; when
     * {@code violationInRound} > 0 that round loses a booking. Booking's heap rises about 0.4 MB per round,
     * bot-runner's falls.
     */
    static ObjectNode summary(int rounds, int violationInRound) {
        Random random = new Random(42);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode perRound = JSON.createArrayNode();
        ArrayNode violations = JSON.createArrayNode();
        long accepted = 0;
        long confirmed = 0;
        long rejected = 0;
        long lost = 0;
        long bots = 0;
        for (int i = 1; i <= rounds; i++) {
            Instant opens = START.plus(Duration.ofSeconds(20L * (i - 1)));
            String roundId = roundId(opens);
            ObjectNode r = perRound.addObject();
            r.put("index", i).put("roundId", roundId).put("opensAt", opens.toString());
            int booked = 95 + random.nextInt(5);
            int rejectedHere = random.nextInt(4);
            int lostHere = i == violationInRound ? 1 : 0;
            r.put("players", 300).put("admitted", 285 + random.nextInt(15)).put("booked", booked);
            r.put("confirmed", booked - lostHere - random.nextInt(2)).put("rejected", rejectedHere);
            r.put("lost", lostHere).put("oversold", 0).put("dlq", 0);
            // every fourth round some players were too slow: the round closed before they booked
            int late = i % 4 == 0 ? 12 : 0;
            r.put("late", late).put("noSeat", r.get("admitted").asInt() - booked - late);
            r.put("errors", i % 5 == 0 ? 3 : 0); // a journey that ended on an error, every fifth round
            int botsHere = SEATS - booked;
            bots(r.putObject("bots"), botsHere, 0);
            bots += botsHere;
            accepted += booked;
            confirmed += r.get("confirmed").asLong();
            rejected += rejectedHere;
            lost += lostHere;

            ObjectNode steps = r.putObject("steps");
            for (var step : STEPS.entrySet()) {
                double v = step.getValue() * (0.8 + 0.5 * random.nextDouble());
                ObjectNode st = steps.putObject(step.getKey());
                st.put("count", 300).put("errors", step.getKey().equals("hold") && i % 11 == 0 ? 2 : 0);
                st.put("p50", Math.round(v * 0.25)).put("p95", Math.round(v * 0.7));
                st.put("p99", Math.round(v)).put("max", Math.round(v * 1.8));
            }
            double lagP99 = 180 + 60 * random.nextDouble() + (i == violationInRound ? 900 : 0);
            r.putObject("confirmationLagMs")
                    .put("count", booked)
                    .put("p50", Math.round(35 + 10 * random.nextDouble()))
                    .put("p95", Math.round(lagP99 * 0.6))
                    .put("p99", Math.round(lagP99))
                    .put("max", Math.round(lagP99 * 1.3));
            r.putObject("heapMb")
                    .put("admission", round1(80 + 0.1 * i + 2 * random.nextGaussian()))
                    .put("booking", round1(120 + 0.4 * i + 1.5 * random.nextGaussian()))
                    .put("bot-runner", round1(60 - 0.2 * i + random.nextGaussian()));
            r.putObject("rssMb")
                    .put("admission", round1(310 + 0.3 * i + random.nextGaussian()))
                    .put("booking", round1(400 + 0.8 * i + random.nextGaussian()));

            // later rounds sell out a little slower
            ArrayNode sellOut = r.putArray("sellOut");
            ArrayNode settled = r.putArray("settled");
            double ms = 100 + random.nextInt(60);
            double meanGap = 30 + 1.2 * i;
            for (int sold = 1; sold <= SEATS; sold++) {
                ms += -meanGap * Math.log(1 - random.nextDouble());
                sellOut.addArray().add(Math.round(ms)).add(sold);
                settled.addArray().add(Math.round(ms)).add(Math.round(ms + 35 + 200 * random.nextDouble()));
            }
            r.put("seats", SEATS).put("seatsSold", SEATS).put("soldOutMs", Math.round(ms));
            ArrayNode roundViolations = r.putArray("violations");
            if (i == violationInRound) {
                ObjectNode v = roundViolations.addObject();
                v.put("roundId", roundId).put("invariant", "lost").put("detail", VIOLATION_DETAIL);
                violations.add(v.deepCopy());
            }
        }
        Instant finished = START.plus(Duration.ofSeconds(20L * rounds));
        root.put("rounds", rounds).put("players", 300 * rounds);
        root.put("accepted", accepted).put("confirmed", confirmed).put("rejected", rejected);
        root.put("lost", lost).put("oversold", 0).put("dlq", 0);
        bots(root.putObject("bots"), bots, 0);
        root.set("violations", violations);
        root.put("heapSlopeMbPerRound", 0.4);
        root.putObject("heapSlopeByService")
                .put("admission", 0.1)
                .put("booking", 0.4)
                .put("bot-runner", -0.2);
        root.put("report", "gatling/soak-20261203061500123/index.html");
        root.put("target", "local").put("startedAt", START.toString()).put("finishedAt", finished.toString());
        root.putObject("settings")
                .put("period", "PT20S")
                .put("openFor", "PT15S")
                .put("playersPerRound", 300)
                .put("botsPerRound", 50)
                .put("admissionRate", 100)
                .put("seats", SEATS);
        root.putArray("skipped").add("fault drills: none asked for");
        root.set("perRound", perRound);
        return root;
    }

    /**
     * A drill started 3 s into round {@code from} (20 s rounds from {@link #START}) that printed three lines and
     * ended {@code seconds} later, added to {@code summary}.
     */
    static ObjectNode withFault(ObjectNode summary, int from, int seconds) {
        Instant started = START.plus(Duration.ofSeconds(20L * (from - 1) + 3));
        ObjectNode fault = summary.putArray("faults").addObject();
        fault.put("name", "rolling-deploy").put("argument", "5s").put("round", from);
        fault.put("startedAt", started.toString());
        fault.put("endedAt", started.plusSeconds(seconds).toString()).put("exitCode", 0);
        ArrayNode events = fault.putArray("events");
        events.addObject().put("at", started.plusSeconds(1).toString()).put("text", FAULT_FIRST_LINE);
        events.addObject()
                .put("at", started.plusSeconds(seconds / 2).toString())
                .put("text", "booking: replaced, 39 s in all");
        events.addObject().put("at", started.plusSeconds(seconds).toString()).put("text", "every instance replaced");
        return summary;
    }

    /**
     * A {@code stop-mysql} drill from 3 s into round {@code from} for {@code seconds} (20 s rounds from {@link #START}):
     * every booking made while it ran is settled 2 s after it ended, as MySQL writes the queued confirmations. Returns
     * how many bookings that held back.
     */
    static int withStall(ObjectNode summary, int from, int seconds) {
        Instant stopped = START.plus(Duration.ofSeconds(20L * (from - 1) + 3));
        Instant running = stopped.plusSeconds(seconds);
        ObjectNode fault = summary.putArray("faults").addObject();
        fault.put("name", "stop-mysql").put("argument", seconds + "s").put("round", from);
        fault.put("startedAt", stopped.toString())
                .put("endedAt", running.toString())
                .put("exitCode", 0);
        int held = 0;
        for (var round : summary.withArray("perRound")) {
            long open = Instant.parse(round.get("opensAt").asText()).toEpochMilli();
            for (var pair : round.withArray("settled")) {
                long booked = open + pair.get(0).asLong();
                if (booked >= stopped.toEpochMilli() && booked < running.toEpochMilli()) {
                    ((ArrayNode) pair).set(1, running.toEpochMilli() + 2_000 - open);
                    held++;
                }
            }
        }
        return held;
    }

    /**
     * booking's balancer took {@code target} out of service 10 s into round {@code round} (20 s rounds from
     * {@link #START}) and put it back {@code outFor} seconds later, added to {@code summary}.
     */
    static ObjectNode withTargetOut(ObjectNode summary, int round, String target, int outFor) {
        Instant out = START.plus(Duration.ofSeconds(20L * (round - 1) + 10));
        ArrayNode health = summary.putArray("targetHealth");
        health.addObject()
                .put("at", out.toString())
                .put("balancer", "booking")
                .put("target", target)
                .put("address", "127.0.0.1:8092")
                .put("inService", false);
        health.addObject()
                .put("at", out.plusSeconds(outFor).toString())
                .put("balancer", "booking")
                .put("target", target)
                .put("address", "127.0.0.1:8092")
                .put("inService", true);
        return summary;
    }

    /**
     * {@code summary}'s first round made the warm-up (index 0, the others renumbered from 1), with booking's heap 60 MB
     * above the trend in it, and no heap slopes given, so the page fits them itself.
     */
    static ObjectNode withWarmUp(ObjectNode summary) {
        ArrayNode rounds = (ArrayNode) summary.get("perRound");
        rounds.forEach(
                r -> ((ObjectNode) r).put("index", r.get("index").asInt() - 1).put("warmUp", false));
        ObjectNode warmUp = (ObjectNode) rounds.get(0);
        warmUp.put("warmUp", true);
        ObjectNode heap = (ObjectNode) warmUp.get("heapMb");
        heap.put("booking", heap.get("booking").asDouble() + 60);
        summary.put("rounds", rounds.size() - 1).put("warmUpRounds", 1);
        summary.remove(List.of("heapSlopeMbPerRound", "heapSlopeByService"));
        return summary;
    }

    /**
     * Round {@code round} of {@code summary} loses one of its bots' bookings, as perf/soak writes it: in the round's
     * and the top level's {@code bots} and {@code lost}, with its violation.
     */
    static ObjectNode withLostBotBooking(ObjectNode summary, int round) {
        ObjectNode r = (ObjectNode) summary.withArray("perRound").get(round - 1);
        for (ObjectNode node : List.of(r, summary)) {
            ObjectNode bots = (ObjectNode) node.get("bots");
            bots(bots, bots.get("confirmed").asLong(), bots.get("lost").asLong() + 1);
            node.put("lost", node.get("lost").asLong() + 1);
        }
        ObjectNode v = r.withArray("violations").addObject();
        v.put("roundId", r.get("roundId").asText()).put("invariant", "lost").put("detail", BOT_VIOLATION_DETAIL);
        summary.withArray("violations").add(v.deepCopy());
        return summary;
    }

    static final String BOT_VIOLATION_DETAIL = "booking 01JEXAMPLEBOT00000000000007 (seat C-7, ticket t-7, bot) has a"
            + " pending copy in Redis but is in neither bookings nor rejected_bookings after draining for 60.0 s";

    static final String FAULT_FIRST_LINE = "admission: its replacement started (pid 16004, :41559)";

    private static String roundId(Instant opens) {
        return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(opens);
    }

    private static void bots(ObjectNode bots, long confirmed, long lost) {
        bots.put("accepted", confirmed + lost)
                .put("confirmed", confirmed)
                .put("rejected", 0)
                .put("lost", lost);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
