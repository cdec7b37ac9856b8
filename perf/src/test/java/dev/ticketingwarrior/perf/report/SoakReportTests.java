package dev.ticketingwarrior.perf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SoakReportTests {

    /** The sample pages stay here after a build, to be opened and looked at. */
    static final Path SAMPLES = Path.of("target", "soak-report-samples");

    @TempDir
    Path dir;

    @Test
    void oneCleanRoundPassesWithEveryChart() throws Exception {
        String html = write("one-round", SoakSamples.summary(1, 0));
        Document page = parse(html);

        assertThat(text(page, "verdict")).isEqualTo("PASS");
        assertThat(chartIds(page))
                .containsExactly("chart-p99", "chart-lag", "chart-backlog", "chart-heap", "chart-rss", "chart-sellout");
        assertThat(sellOutCurves(page)).hasSize(1);
        assertThat(byId(page, "violations")).isNull();
        assertThat(html).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void thirtyRoundsWithALostBookingFailAndSayWhy() throws Exception {
        String html = write("thirty-rounds", SoakSamples.summary(30, 17));
        Document page = parse(html);

        assertThat(text(page, "verdict")).isEqualTo("FAIL");
        assertThat(text(page, "violations"))
                .contains(SoakSamples.VIOLATION_DETAIL)
                .contains("#17");
        assertThat(byId(page, "tile-lost").getAttribute("class")).contains("bad");
        assertThat(byId(page, "tile-oversold").getAttribute("class")).doesNotContain("bad");
        assertThat(chartIds(page))
                .containsExactly("chart-p99", "chart-lag", "chart-backlog", "chart-heap", "chart-rss", "chart-sellout");
        assertThat(sellOutCurves(page)).hasSize(30);
        assertThat(bodyRows(page, "outcomes")).isEqualTo(30);
        assertThat(column(page, "outcomes", "late").subList(0, 4)).containsExactly("0", "0", "0", "12");
        assertThat(column(page, "outcomes", "errors").subList(0, 5)).containsExactly("0", "0", "0", "0", "3");
        assertThat(bodyRows(page, "latencies")).isEqualTo(30);
        assertThat(bodyRows(page, "memory")).isEqualTo(30);
        assertThat(text(page, "chart-heap")).contains("booking +0.40 MB/round").contains("bot-runner -0.20 MB/round");
        assertThat(html).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void showsTheBotsBookingsApartFromThePlayers() throws Exception {
        ObjectNode summary = SoakSamples.summary(3, 0);
        long bots = summary.get("bots").get("accepted").asLong();
        long inRound2 =
                summary.get("perRound").get(1).get("bots").get("accepted").asLong();

        Document page = parse(write("bots", summary));

        assertThat(text(page, "tile-bots")).startsWith(String.valueOf(bots));
        assertThat(byId(page, "tile-bots").getAttribute("title"))
                .isEqualTo(
                        "the bots' bookings: " + bots + " accepted (202): " + bots + " confirmed, 0 rejected, 0 lost");
        assertThat(byId(page, "tile-bots").getAttribute("class")).doesNotContain("bad");
        assertThat(headerCells(page, "outcomes"))
                .containsSequence("players", "admitted", "late", "released", "no seat", "errors", "booked")
                .containsSequence("rejected", "bots", "lost");
        assertThat(column(page, "outcomes", "bots").get(1)).isEqualTo(inRound2 + " / " + inRound2);
    }

    @Test
    void aLostBotBookingFailsInLostAndMarksTheBots() throws Exception {
        ObjectNode summary = SoakSamples.withLostBotBooking(SoakSamples.summary(3, 0), 2);

        Document page = parse(write("lost-bot", summary));

        assertThat(text(page, "verdict")).isEqualTo("FAIL");
        assertThat(text(page, "violations")).contains(SoakSamples.BOT_VIOLATION_DETAIL);
        assertThat(text(page, "tile-lost")).startsWith("1");
        assertThat(byId(page, "tile-bots").getAttribute("class")).contains("bad");
        assertThat(byId(page, "tile-bots").getAttribute("title")).endsWith(", 1 lost");
        assertThat(column(page, "outcomes", "lost")).containsExactly("0", "1", "0");
        assertThat(badCells(page, "outcomes")).as("the round's bots and lost").isEqualTo(3);
    }

    /** Players refused for a released place (maxActive) have their column; a summary from before it says so. */
    @Test
    void showsThePlayersWhosePlaceWasReleasedAndMissingInAnOlderSummary() throws Exception {
        ObjectNode summary = SoakSamples.summary(3, 0);
        ((ObjectNode) summary.withArray("perRound").get(0)).put("placeReleased", 0);
        ((ObjectNode) summary.withArray("perRound").get(1)).put("placeReleased", 7);

        Document page = parse(write("released", summary));

        assertThat(column(page, "outcomes", "released")).containsExactly("0", "7", Text.MISSING);
    }

    @Test
    void aSummaryWithoutBotsShowsThemMissing() throws Exception {
        ObjectNode summary = SoakSamples.summary(2, 0);
        summary.remove("bots");
        summary.withArray("perRound").forEach(r -> ((ObjectNode) r).remove("bots"));

        Document page = parse(write("no-bots", summary));

        assertThat(text(page, "tile-bots")).startsWith(Text.MISSING);
        assertThat(column(page, "outcomes", "bots")).containsOnly(Text.MISSING);
    }

    @Test
    void stepsSpanningOrdersOfMagnitudeGetALogAxis() throws Exception {
        Document page = parse(write("thirty-clean-rounds", SoakSamples.summary(30, 0)));

        assertThat(text(page, "chart-p99")).contains("(log scale)");
        assertThat(text(page, "chart-lag")).doesNotContain("(log scale)");
    }

    @Test
    void stepsKeepTheirOrderOfAppearance() throws Exception {
        Document page = parse(write("steps", SoakSamples.summary(2, 0)));

        String legend = text(page, "chart-p99");
        List<Integer> at = new ArrayList<>();
        SoakSamples.STEPS.keySet().forEach(step -> at.add(legend.indexOf(step)));
        assertThat(at).doesNotContain(-1).isSorted();
    }

    @Test
    void aFaultDrillShowsWhatItDidAndShadesTheRoundsItRanIn() throws Exception {
        String html = write("fault-drill", SoakSamples.withFault(SoakSamples.summary(24, 0), 13, 171));
        Document page = parse(html);

        assertThat(text(page, "faults"))
                .contains("rolling-deploy:5s")
                .contains("round #13")
                .contains("round #21")
                .contains("exit 0")
                .contains(SoakSamples.FAULT_FIRST_LINE)
                .contains("+1 s");
        assertThat(bodyRows(page, "faults")).isEqualTo(3);
        // 3 s into round 13 to 174 s later, in round 21: nine rounds shaded on each per-round chart
        for (String chart : List.of("chart-p99", "chart-lag", "chart-heap")) {
            assertThat(faultBands(page, chart)).as(chart).hasSize(9);
        }
        assertThat(faultBands(page, "chart-sellout")).isEmpty();
    }

    @Test
    void aMysqlStallShowsItsBookingsPilingUpAndDraining() throws Exception {
        ObjectNode summary = SoakSamples.summary(24, 0);
        int held = SoakSamples.withStall(summary, 13, 120);
        Document page = parse(write("mysql-stall", summary));

        // 3 s into round 13 to 120 s later, 3 s into round 19: one band over the time it ran, not per round
        assertThat(faultBands(page, "chart-backlog")).hasSize(1);
        Matcher peak = Pattern.compile("at most ([0-9,]+) at once, at 06:21:0[0-3] UTC \\(round 19\\)")
                .matcher(text(page, "backlog"));
        assertThat(peak.find()).as(text(page, "backlog")).isTrue();
        // everything held back, plus the few made in the 235 ms before it stopped that were still on their way
        assertThat(Integer.parseInt(peak.group(1).replace(",", ""))).isBetween(held, held + 10);
        assertThat(text(page, "backlog")).containsPattern("the last settled at 06:22:[45][0-9] UTC");
        assertThat(text(page, "faults"))
                .contains(held + " bookings accepted while it ran: all written after it ended, half of them within"
                        + " 2.0 s, the last 2.0 s after");
        assertThat(byId(page, "chart-backlog").getElementsByTagName("polyline").getLength())
                .isEqualTo(1);
    }

    @Test
    void theConsoleGetsALinePerDrillThatHeldBookings() throws Exception {
        ObjectNode summary = SoakSamples.summary(24, 0);
        int held = SoakSamples.withStall(summary, 13, 120);
        ObjectNode unfinished = summary.withArray("faults").addObject();
        unfinished.put("name", "restart-redis").put("startedAt", SoakSamples.START.toString());
        Path json = dir.resolve("drills.json");
        Files.writeString(json, summary.toString());

        assertThat(SoakReport.write(json, dir.resolve("drills.html")))
                .containsExactly("stop-mysql:120s: " + held + " bookings accepted while it ran: all written after it"
                        + " ended, half of them within 2.0 s, the last 2.0 s after");
    }

    /** A rolling deploy of 45 s started 3 s into the second of 3 rounds: the rounds were over before it was. */
    @Test
    void theConsoleSaysWhenADrillOutlastedTheRounds() throws Exception {
        ObjectNode summary = SoakSamples.summary(3, 0);
        ObjectNode deploy = summary.withArray("faults").addObject();
        Instant started = SoakSamples.START.plusSeconds(23);
        deploy.put("name", "rolling-deploy")
                .put("startedAt", started.toString())
                .put("endedAt", started.plusSeconds(45).toString());
        Path json = dir.resolve("outlasted.json");
        Files.writeString(json, summary.toString());

        // the last round opens 40 s after the start and closes 15 s later, 13 s before the deploy ended
        assertThat(SoakReport.write(json, dir.resolve("outlasted.html")))
                .contains("rolling-deploy: still under way when the last round closed (it ended 13.0 s later): no"
                        + " round played through the whole of it; run more rounds (--rounds) for that");
    }

    @Test
    void withoutAStallFewBookingsAreEverOnTheirWayAtOnce() throws Exception {
        Document page = parse(write("no-stall", SoakSamples.summary(3, 0)));

        Matcher peak = Pattern.compile("at most ([0-9,]+) at once").matcher(text(page, "backlog"));
        assertThat(peak.find()).isTrue();
        // 100 bookings a round, each settled 35-235 ms after it was made, about 30 ms apart
        assertThat(Integer.parseInt(peak.group(1))).isBetween(1, 20);
    }

    @Test
    void anInstanceTheBalancerTookOutShowsWhenAndForHowLong() throws Exception {
        ObjectNode summary = SoakSamples.withTargetOut(
                SoakSamples.withFault(SoakSamples.summary(24, 0), 13, 171), 19, "booking-2@8092", 14);
        Document page = parse(write("target-health", summary));

        assertThat(bodyRows(page, "target-health")).isEqualTo(2);
        assertThat(text(page, "target-health"))
                .contains("booking-2@8092 (127.0.0.1:8092)")
                .contains("#19")
                .contains("out of service")
                .contains("in service again, out for 14 s");
        assertThat(badCells(page, "target-health"))
                .as("a target out of service without being drained")
                .isEqualTo(1);
    }

    @Test
    void anInstanceStoppingWhileDrainedIsNotMarkedAsAFailure() throws Exception {
        ObjectNode summary = SoakSamples.withTargetOut(SoakSamples.summary(24, 0), 15, "booking@8082", 30);
        ((ObjectNode) summary.get("targetHealth").get(0)).put("draining", true);
        Document page = parse(write("target-health-draining", summary));

        assertThat(text(page, "target-health")).contains("out of service while draining");
        assertThat(badCells(page, "target-health")).isZero();
    }

    @Test
    void aWarmUpRoundIsShownAsSuchAndLeftOutOfTheHeapTrend() throws Exception {
        Document page = parse(write("warm-up", SoakSamples.withWarmUp(SoakSamples.summary(24, 0))));

        assertThat(byId(page, "tile-rounds").getAttribute("title")).isEqualTo("measured, after 1 warm-up round");
        assertThat(text(page, "tile-rounds")).startsWith("23");
        assertThat(bodyRows(page, "outcomes")).isEqualTo(24);
        assertThat(firstCell(page, "outcomes")).isEqualTo("0 warm-up");
        assertThat(bands(page, "chart-p99", "warm-up")).hasSize(1);
        assertThat(bands(page, "chart-heap", "warm-up")).hasSize(1);
        // booking's heap rises 0.4 MB a round after the warm-up; with the warm-up's 60 MB more the fit would fall
        Matcher slope = Pattern.compile("booking ([+-][0-9.]+) MB/round").matcher(text(page, "chart-heap"));
        assertThat(slope.find()).isTrue();
        assertThat(Double.parseDouble(slope.group(1))).isBetween(0.2, 0.6);
    }

    /** Found by a perf engineer: after kill-booking the fresh JVM's RSS read as -185 MB/round. */
    @Test
    void aServiceRestartedMidRunHasItsTrendFromItsRestartOn() throws Exception {
        ObjectNode summary = SoakSamples.summary(6, 0);
        ArrayNode rounds = (ArrayNode) summary.get("perRound");
        for (int i = 0; i < rounds.size(); i++) {
            ObjectNode r = (ObjectNode) rounds.get(i);
            boolean restarted = i >= 3;
            r.putObject("pids").put("admission", 7).put("booking", restarted ? 42 : 41);
            // the old booking at 600 MB, the new one 250 MB in its first round (its warm-up), then 300 MB growing 2 a
            // round
            r.putObject("rssMb")
                    .put("admission", 310)
                    .put("booking", restarted ? (i == 3 ? 250 : 300 + 2 * (i - 4)) : 600);
        }

        Document page = parse(write("restarted", summary));

        Matcher slope = Pattern.compile("booking ([+-][0-9.]+) MB/round \\(restarted in round 4: fitted after it\\)")
                .matcher(text(page, "chart-rss"));
        assertThat(slope.find()).as(text(page, "chart-rss")).isTrue();
        assertThat(Double.parseDouble(slope.group(1))).isCloseTo(2.0, within(0.01));
        assertThat(text(page, "chart-rss"))
                .contains("admission +0")
                .doesNotContain("admission +0.00 MB/round (restarted");
    }

    @Test
    void noFaultDrillNoFaultSection() throws Exception {
        Document page = parse(write("no-fault", SoakSamples.summary(3, 0)));

        assertThat(byId(page, "faults")).isNull();
        assertThat(byId(page, "target-health")).isNull();
        assertThat(faultBands(page, "chart-p99")).isEmpty();
    }

    /** Found by a perf engineer: every request failed (exit 3), and the page said PASS in green. */
    @Test
    void gatlingsFailedAssertionsFailTheRunThoughNoInvariantWasBroken() throws Exception {
        ObjectNode summary = SoakSamples.summary(1, 0);
        summary.put("gatlingStatus", 1);

        String html = write("gatling-failed", summary);
        Document page = parse(html);

        assertThat(text(page, "verdict")).isEqualTo("FAIL");
        assertThat(html).contains("assertions failed (status 1)");
        assertThat(byId(page, "violations")).isNull();
    }

    /** Found by a perf engineer: the FAIL headline said that an assertion failed, never which. */
    @Test
    void theHeadlineNamesGatlingsFailedAssertionAndThePageListsThemAll() throws Exception {
        ObjectNode summary = SoakSamples.summary(1, 0);
        summary.put("gatlingStatus", 1);
        summary.putArray("gatlingFailedAssertions")
                .add("hold: 99th percentile of response time is less than or equal to 2000.0")
                .add("book: percentage of failed events is less than or equal to 1.0");

        String html = write("gatling-named", summary);
        Document page = parse(html);

        assertThat(text(page, "verdict")).isEqualTo("FAIL");
        assertThat(html)
                .contains("assertion failed: hold: 99th percentile of response time is less than or equal to"
                        + " 2000.0 (and 1 more)");
        NodeList items = byId(page, "gatling-failed").getElementsByTagName("li");
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            listed.add(items.item(i).getTextContent());
        }
        assertThat(listed)
                .containsExactly(
                        "hold: 99th percentile of response time is less than or equal to 2000.0",
                        "book: percentage of failed events is less than or equal to 1.0");
    }

    @Test
    void anEmptySummaryStillMakesAPageWithoutAVerdict() throws Exception {
        Document page = parse(write("empty", SoakSamples.JSON.createObjectNode()));

        assertThat(text(page, "verdict")).isEqualTo("NO VERDICT");
        assertThat(chartIds(page))
                .containsExactly("chart-p99", "chart-lag", "chart-backlog", "chart-heap", "chart-sellout");
        assertThat(text(page, "chart-p99")).contains("no data");
        assertThat(text(page, "chart-backlog")).contains("no data");
    }

    @Test
    void missingAndNullFieldsDoNotThrow() throws Exception {
        ObjectNode summary = SoakSamples.summary(3, 0);
        summary.putNull("rounds").remove(List.of("players", "lost", "report", "heapSlopeMbPerRound"));
        ObjectNode second = (ObjectNode) summary.withArray("perRound").get(1);
        second.remove(List.of("index", "steps", "heapMb", "sellOut", "soldOutMs"));
        second.putNull("confirmationLagMs").putNull("seats");
        second.withObject("rssMb").putNull("booking");
        ((ObjectNode) summary.withArray("perRound").get(0).get("steps").get("book")).putNull("p99");
        summary.withArray("perRound").addObject();
        summary.withArray("perRound").add("not a round");

        String html = write("missing-fields", summary);
        Document page = parse(html);

        assertThat(text(page, "verdict")).isEqualTo("PASS");
        assertThat(text(page, "tile-rounds")).startsWith("4");
        assertThat(sellOutCurves(page)).hasSize(2);
        assertThat(html).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void junkInNumbersIsMissingNotZero() throws Exception {
        String json = """
                {"lost": "two", "oversold": "1", "dlq": null, "violations": [],
                 "perRound": [{"index": 1, "heapMb": {"booking": "NaN"}, "sellOut": [[100], "x", [200, 1]]}]}
                """;
        Path summary = dir.resolve("junk.json");
        Files.writeString(summary, json);
        Path out = dir.resolve("junk.html");

        SoakReport.write(summary, out);
        Document page = parse(Files.readString(out));

        assertThat(text(page, "tile-lost")).startsWith(Text.MISSING);
        assertThat(byId(page, "tile-oversold").getAttribute("class")).contains("bad");
        assertThat(text(page, "tile-dlq")).startsWith(Text.MISSING);
        assertThat(sellOutCurves(page)).hasSize(1);
    }

    @Test
    void violationsListedOnlyInARoundStillFail() throws Exception {
        ObjectNode summary = SoakSamples.summary(2, 2);
        summary.remove("violations");

        Document page = parse(write("round-violation", summary));

        assertThat(text(page, "verdict")).isEqualTo("FAIL");
        assertThat(text(page, "violations")).contains(SoakSamples.VIOLATION_DETAIL);
    }

    @Test
    void linksTheGatlingReportRelativeToThePage() throws IOException {
        Path target = dir.resolve("target");
        Path gatling = Files.createDirectories(target.resolve("gatling/soak-1 a"));
        Files.writeString(gatling.resolve("index.html"), "<html/>");
        Path summary = target.resolve("soak/summary.json");

        SoakReport.Link link =
                SoakReport.gatlingLink("gatling/soak-1 a/index.html", summary, target.resolve("soak/report.html"));

        assertThat(link).isEqualTo(new SoakReport.Link("../gatling/soak-1%20a/index.html", true));
        assertThat(SoakReport.gatlingLink("nowhere/index.html", summary, target.resolve("soak/report.html")))
                .isEqualTo(new SoakReport.Link("nowhere/index.html", false));
        assertThat(SoakReport.gatlingLink(null, summary, target.resolve("soak/report.html")))
                .isNull();
    }

    @Test
    void mainWritesBesideTheSummaryByDefault() throws IOException {
        Path summary = dir.resolve("summary.json");
        Files.writeString(summary, SoakSamples.summary(1, 0).toString());

        assertThatCode(() -> SoakReport.main(new String[] {summary.toString()})).doesNotThrowAnyException();

        assertThat(dir.resolve("report.html")).exists();
    }

    /** Writes the sample summary, renders it, keeps a copy of the page under {@link #SAMPLES}. */
    private String write(String name, ObjectNode summary) throws IOException {
        Path json = dir.resolve(name + ".json");
        Files.writeString(
                json, SoakSamples.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        Path out = dir.resolve(name + ".html");
        SoakReport.write(json, out);
        String html = Files.readString(out);
        Files.createDirectories(SAMPLES);
        Files.writeString(SAMPLES.resolve(name + ".html"), html);
        return html;
    }

    /** Reads the page as XML: it fails on any unclosed or misnested tag, stray '&' or '<'. */
    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    private static List<String> chartIds(Document page) {
        List<String> ids = new ArrayList<>();
        NodeList svgs = page.getElementsByTagName("svg");
        for (int i = 0; i < svgs.getLength(); i++) {
            ids.add(((Element) svgs.item(i)).getAttribute("id"));
        }
        return ids;
    }

    private static List<Element> sellOutCurves(Document page) {
        List<Element> curves = new ArrayList<>();
        NodeList lines = byId(page, "chart-sellout").getElementsByTagName("polyline");
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            if (line.getAttribute("class").equals("round")) {
                curves.add(line);
            }
        }
        return curves;
    }

    private static List<Element> faultBands(Document page, String chartId) {
        return bands(page, chartId, "fault");
    }

    /** The shaded bands of a chart whose tip contains {@code text}. */
    private static List<Element> bands(Document page, String chartId, String text) {
        List<Element> bands = new ArrayList<>();
        NodeList rects = byId(page, chartId).getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getAttribute("class").equals("band")
                    && rect.getTextContent().contains(text)) {
                bands.add(rect);
            }
        }
        return bands;
    }

    private static int badCells(Document page, String id) {
        NodeList cells = byId(page, id).getElementsByTagName("td");
        int bad = 0;
        for (int i = 0; i < cells.getLength(); i++) {
            if (((Element) cells.item(i)).getAttribute("class").equals("bad")) {
                bad++;
            }
        }
        return bad;
    }

    private static String firstCell(Document page, String tableId) {
        Element body =
                (Element) byId(page, tableId).getElementsByTagName("tbody").item(0);
        return body.getElementsByTagName("td").item(0).getTextContent().strip();
    }

    /** The column headers of a table (its second header row: the first groups them). */
    private static List<String> headerCells(Document page, String tableId) {
        Element head =
                (Element) byId(page, tableId).getElementsByTagName("thead").item(0);
        Element names = (Element) head.getElementsByTagName("tr").item(1);
        NodeList cells = names.getElementsByTagName("th");
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < cells.getLength(); i++) {
            headers.add(cells.item(i).getTextContent().strip());
        }
        return headers;
    }

    /** The cells of one column of a table, round by round. */
    private static List<String> column(Document page, String tableId, String header) {
        int at = headerCells(page, tableId).indexOf(header);
        assertThat(at).as("column %s of #%s", header, tableId).isNotNegative();
        NodeList rows =
                ((Element) byId(page, tableId).getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < rows.getLength(); i++) {
            cells.add(((Element) rows.item(i))
                    .getElementsByTagName("td")
                    .item(at)
                    .getTextContent()
                    .strip());
        }
        return cells;
    }

    private static int bodyRows(Document page, String tableId) {
        return ((Element) byId(page, tableId).getElementsByTagName("tbody").item(0))
                .getElementsByTagName("tr")
                .getLength();
    }

    private static String text(Document page, String id) {
        Element e = byId(page, id);
        assertThat(e).as("element #%s", id).isNotNull();
        return e.getTextContent().strip();
    }

    /** Without a DTD the parser knows no ID attributes, so look the id up by hand. */
    static Element byId(Document page, String id) {
        NodeList all = page.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }
}
