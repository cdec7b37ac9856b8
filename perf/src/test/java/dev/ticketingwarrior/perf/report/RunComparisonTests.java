package dev.ticketingwarrior.perf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticketingwarrior.perf.report.RunComparison.Change;
import dev.ticketingwarrior.perf.report.RunComparison.Comparison;
import dev.ticketingwarrior.perf.report.RunComparison.StepLine;
import dev.ticketingwarrior.perf.report.RunComparison.Tolerance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class RunComparisonTests {

    private static final Tolerance TOLERANCE = Tolerance.DEFAULT;

    @TempDir
    Path dir;

    @Test
    void aRunComparedWithItselfRegressedNowhere() {
        Summary run = SummaryReader.parse(SoakSamples.summary(5, 0));

        Comparison comparison = RunComparison.compare(run, run, TOLERANCE);

        assertThat(comparison.regressions()).isEmpty();
        assertThat(comparison.differences()).isEmpty();
        assertThat(comparison.steps()).extracting(StepLine::step).containsExactlyElementsOf(SoakSamples.STEPS.keySet());
        assertThat(comparison.steps()).allSatisfy(s -> {
            assertThat(s.latency()).isEqualTo(Change.WITHIN);
            assertThat(s.errors()).isEqualTo(Change.WITHIN);
        });
        // a lag of no bookings (MySQL not read) is no lag, not one of 0 ms
        ObjectNode unread = SoakSamples.summary(3, 0);
        unread.withArray("perRound")
                .forEach(r -> ((ObjectNode) r.get("confirmationLagMs"))
                        .put("count", 0)
                        .put("p99", 0));
        assertThat(RunComparison.compare(SummaryReader.parse(unread), run, TOLERANCE)
                        .confirmationLag()
                        .latency())
                .isEqualTo(Change.UNKNOWN);
        // a confirmation lag is not a request: no error rate, rather than a 0 % that reads as measured
        assertThat(comparison.confirmationLag().baseErrors()).isNull();
        assertThat(comparison.confirmationLag().errors()).isEqualTo(Change.UNKNOWN);
    }

    @Test
    void aStepThatGotSlowerBeyondBothTheShareAndTheFloorIsARegression() {
        ObjectNode base = SoakSamples.summary(3, 0);
        ObjectNode run = base.deepCopy();
        setStep(run, "book", "p99", 400); // 140-ish before: far beyond 50 % and 100 ms
        setStep(run, "clock", "p99", 40); // 12-ish before: more than 50 %, but within 100 ms

        Comparison comparison = compare(base, run);

        assertThat(step(comparison, "book").latency()).isEqualTo(Change.WORSE);
        assertThat(step(comparison, "book").runP99()).isEqualTo(400.0);
        assertThat(step(comparison, "clock").latency()).isEqualTo(Change.WITHIN);
        assertThat(comparison.regressions()).containsExactly("book p99");
    }

    @Test
    void theP99OfARunIsTheMedianOfItsRoundsSoOneSlowRoundIsNotARegression() {
        ObjectNode base = SoakSamples.summary(3, 0);
        ObjectNode run = base.deepCopy();
        ((ObjectNode) run.withArray("perRound").get(1).get("steps").get("book")).put("p99", 5_000);

        Comparison comparison = compare(base, run);

        assertThat(step(comparison, "book").latency()).isEqualTo(Change.WITHIN);
        assertThat(RunComparison.median(Arrays.asList(3.0, null, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(RunComparison.median(List.of(1.0, 2.0, 3.0, 10.0))).isEqualTo(2.5);
    }

    @Test
    void moreFailedRequestsThanThePointsAllowIsARegression() {
        ObjectNode base = SoakSamples.summary(3, 0);
        ObjectNode run = base.deepCopy();
        setStep(run, "hold", "errors", 9); // 9 of 300 a round: 3 %

        Comparison comparison = compare(base, run);

        assertThat(step(comparison, "hold").runErrors()).isEqualTo(3.0);
        assertThat(step(comparison, "hold").errors()).isEqualTo(Change.WORSE);
        assertThat(comparison.regressions()).containsExactly("hold errors");
        assertThat(RunComparison.errorChange(0.0, 1.0, TOLERANCE)).isEqualTo(Change.WITHIN);
        assertThat(RunComparison.errorChange(3.0, 0.0, TOLERANCE)).isEqualTo(Change.BETTER);
    }

    @Test
    void aRunThatFailsWhereTheBaselinePassedRegressed() {
        Comparison comparison = compare(SoakSamples.summary(3, 0), SoakSamples.summary(3, 2));

        assertThat(comparison.baseVerdict()).isEqualTo(Summary.Verdict.PASS);
        assertThat(comparison.runVerdict()).isEqualTo(Summary.Verdict.FAIL);
        assertThat(comparison.regressions()).contains("the verdict (PASS to FAIL)");
        // round 2's confirmation lag rose by 900 ms with its lost booking: the median of three rounds does not
        assertThat(comparison.confirmationLag().latency()).isEqualTo(Change.WITHIN);
    }

    @Test
    void fasterIsNotARegressionAndIsShownAsFaster() {
        ObjectNode base = SoakSamples.summary(3, 0);
        ObjectNode run = base.deepCopy();
        setStep(run, "confirm", "p99", 300); // about 900 before

        Comparison comparison = compare(base, run);

        assertThat(step(comparison, "confirm").latency()).isEqualTo(Change.BETTER);
        assertThat(comparison.regressions()).isEmpty();
        assertThat(RunComparison.latencyChange(null, 300.0, TOLERANCE)).isEqualTo(Change.UNKNOWN);
    }

    @Test
    void warmUpRoundsAreLeftOut() {
        ObjectNode base = SoakSamples.summary(4, 0);
        ObjectNode run = base.deepCopy();
        setStepInRound(run, 0, "book", "errors", 300);

        assertThat(compare(base, run).regressions()).containsExactly("book errors");
        assertThat(compare(SoakSamples.withWarmUp(base.deepCopy()), SoakSamples.withWarmUp(run))
                        .regressions())
                .isEmpty();
    }

    @Test
    void saysWhatMakesTwoRunsNotLikeForLike() {
        ObjectNode base = SoakSamples.summary(3, 0);
        ObjectNode run = SoakSamples.summary(4, 0);
        ((ObjectNode) run.get("settings")).put("playersPerRound", 400).put("period", "PT1M");
        ((ObjectNode) run.get("settings")).putArray("faults").add("kill-booking");

        Comparison comparison = compare(base, run);

        assertThat(comparison.differences())
                .containsExactly(
                        "rounds 3 \u2192 4",
                        "period 20 s \u2192 1 min",
                        "playersPerRound 300 \u2192 400",
                        "faults (not written) \u2192 [\"kill-booking\"]");
    }

    @Test
    void theConsoleShowsEveryStepTheContextAndTheVerdictAndMainExitsFourOnARegression() throws IOException {
        ObjectNode base = SoakSamples.summary(3, 0);
        ObjectNode run = base.deepCopy();
        setStep(run, "book", "p99", 400);
        Path baseFile = write("base.json", base);
        Path runFile = write("run.json", run);

        Output regressed = main("--floor", "50", baseFile.toString(), runFile.toString());
        Output same = main(baseFile.toString(), baseFile.toString());
        Output lenient = main("--tolerance", "400", baseFile.toString(), runFile.toString());

        assertThat(regressed.status()).isEqualTo(RunComparison.REGRESSED);
        assertThat(regressed.text())
                .contains("soak compare: base " + baseFile)
                .containsPattern("book +\\d+ +400 +\\+\\d+ % .* slower")
                .contains("confirmation lag")
                .contains("bookings confirmed per round")
                .contains("players late per round")
                .contains("booking heap slope (MB/round)")
                .contains("booking RSS at most (MB)")
                .contains("REGRESSED beyond the spread (p99 +50 % and +50 ms, errors +1 pt): book p99");
        assertThat(same.status()).isZero();
        assertThat(same.text()).contains("no regression beyond the spread").doesNotContain("not like for like");
        assertThat(lenient.status()).isZero();
    }

    /** Found by a perf engineer: a drill run against a plain one said WORSE and exit 4, as a real regression would. */
    @Test
    void runsThatAreNotLikeForLikeAreShownNotJudged() throws IOException {
        ObjectNode base = SoakSamples.summary(3, 0);
        ObjectNode run = base.deepCopy();
        setStep(run, "book", "p99", 4000);
        ((ObjectNode) run.get("settings")).put("faults", "[\"kill-booking\"]");

        Path page = dir.resolve("pages/unlike.html");
        Output drill = main(
                "--html",
                page.toString(),
                write("base.json", base).toString(),
                write("drill.json", run).toString());

        assertThat(drill.status()).isEqualTo(RunComparison.NOT_LIKE_FOR_LIKE);
        assertThat(drill.text())
                .contains("not like for like: faults")
                .contains("soak compare: NOT JUDGED, the runs are not like for like (faults")
                .contains("worse beyond the spread, for what it is worth: book p99")
                .doesNotContain("REGRESSED");
        assertThat(Files.readString(page))
                .contains("id=\"verdict\">NOT JUDGED<")
                .contains("the runs are not like for like; worse beyond the spread, for what it is worth: book p99")
                .doesNotContain(">WORSE<");
    }

    @Test
    void thePageDrawsEveryStepInBothRunsAndTheRegressedOneInRed() throws Exception {
        ObjectNode base = SoakSamples.summary(3, 0);
        ObjectNode run = base.deepCopy();
        setStep(run, "book", "p99", 400);
        Path page = dir.resolve("pages/compare.html");

        Output output = main(
                "--html",
                page.toString(),
                write("base.json", base).toString(),
                write("run.json", run).toString());

        assertThat(output.text()).contains("soak compare: page " + page.toUri());
        Document html = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(Files.readString(page))));
        assertThat(SoakReportTests.byId(html, "verdict").getTextContent()).isEqualTo("WORSE");
        NodeList bars = SoakReportTests.byId(html, "p99-compare").getElementsByTagName("rect");
        int steps = SoakSamples.STEPS.size() + 1; // and the confirmation lag
        assertThat(bars.getLength()).isEqualTo(2 * steps);
        List<String> red = new ArrayList<>();
        for (int i = 0; i < bars.getLength(); i++) {
            Element bar = (Element) bars.item(i);
            if (bar.getAttribute("fill").equals(Palette.BAD)) {
                red.add(bar.getTextContent());
            }
        }
        assertThat(red).containsExactly("book, run: p99 400 ms");
        assertThat(SoakReportTests.byId(html, "steps")
                        .getElementsByTagName("tr")
                        .getLength())
                .isEqualTo(steps + 1);
    }

    @Test
    void afterARunSaysHowItComparesWithTheNewestKeptRunLikeIt() throws IOException {
        ObjectNode older = SoakSamples.summary(3, 0);
        ObjectNode newer = older.deepCopy();
        setStep(newer, "hold", "p99", 30); // faster than the older one
        ObjectNode other = SoakSamples.summary(3, 0);
        ((ObjectNode) other.get("settings")).put("playersPerRound", 1000);
        Path kept = Files.createDirectories(dir.resolve("kept"));
        Files.writeString(kept.resolve("20261206T100000Z-aaaaaaa.json"), SoakSamples.JSON.writeValueAsString(older));
        Files.writeString(kept.resolve("20261206T110000Z-bbbbbbb.json"), SoakSamples.JSON.writeValueAsString(newer));
        Files.writeString(kept.resolve("20261206T120000Z-ccccccc.json"), SoakSamples.JSON.writeValueAsString(other));
        Files.writeString(kept.resolve("20261206T130000Z-ddddddd.json"), "{not json");
        ObjectNode run = older.deepCopy();
        setStep(run, "hold", "p99", 400);

        Output line =
                main("--last-like", kept.toString(), write("run.json", run).toString());
        Output first = main(
                "--last-like",
                dir.resolve("none").toString(),
                write("run.json", run).toString());

        // the newest like it: not the 1,000-player run, not the unreadable one
        assertThat(line.status()).isZero();
        assertThat(line.text())
                .startsWith(
                        "soak: against the last run like this one (" + kept.resolve("20261206T110000Z-bbbbbbb.json"))
                .contains("REGRESSED beyond the spread: hold p99");
        assertThat(first.text()).startsWith("soak: no earlier run like this one in " + dir.resolve("none"));
    }

    @Test
    void refusesWhatItCannotCompare() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "{}");
        Path run = write("run.json", SoakSamples.summary(3, 0));

        assertThatThrownBy(() -> RunComparison.run(new String[] {run.toString()}))
                .hasMessageContaining("two summaries to compare");
        assertThatThrownBy(() -> RunComparison.run(new String[] {empty.toString(), run.toString()}))
                .hasMessageContaining("lists no rounds");
        assertThatThrownBy(() ->
                        RunComparison.run(new String[] {dir.resolve("none.json").toString(), run.toString()}))
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> RunComparison.run(new String[] {"--tolerance", "-3", run.toString(), run.toString()}))
                .hasMessageContaining("--tolerance must be a number of 0 or more");
        assertThatThrownBy(() -> RunComparison.run(new String[] {"--fast", run.toString(), run.toString()}))
                .hasMessageContaining("unknown option --fast");
    }

    private record Output(int status, String text) {}

    private static Output main(String... args) {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int status = RunComparison.run(args);
            return new Output(status, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(console);
        }
    }

    private Path write(String name, ObjectNode summary) throws IOException {
        return Files.writeString(dir.resolve(name), SoakSamples.JSON.writeValueAsString(summary));
    }

    private static Comparison compare(ObjectNode base, ObjectNode run) {
        return RunComparison.compare(SummaryReader.parse(base), SummaryReader.parse(run), TOLERANCE);
    }

    private static StepLine step(Comparison comparison, String name) {
        return comparison.steps().stream()
                .filter(s -> s.step().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Every round's {@code step} gets {@code value} as its {@code field}. */
    private static void setStep(ObjectNode summary, String step, String field, long value) {
        for (int i = 0; i < summary.withArray("perRound").size(); i++) {
            setStepInRound(summary, i, step, field, value);
        }
    }

    private static void setStepInRound(ObjectNode summary, int round, String step, String field, long value) {
        ((ObjectNode) summary.withArray("perRound").get(round).get("steps").get(step)).put(field, value);
    }
}
