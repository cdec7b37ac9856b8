package dev.ticketingwarrior.perf.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The soak names the assertions Gatling failed, read from the assertions table of Gatling's report. */
class GatlingAssertionsTests {

    /** Rows as Gatling 3.15's report writes them (copied from a run with --max-p99 1). */
    private static final String TABLE = """
            <table id="container_assertions" class="statistics-in extensible-geant">
            		<tbody>
            <tr>
              <td class="error-col-1 ok total">
                Global: percentage of failed events is less than or equal to 5.0
                <span class="value" style="display:none">0</span>
              </td>
              <td class="error-col-2 value ok total">OK</td>
            </tr>
            <tr>
              <td class="error-col-1 ko total">
                clock: 99th percentile of response time is less than or equal to 1.0
                <span class="value" style="display:none">2</span>
              </td>
              <td class="error-col-2 value ko total">KO</td>
            </tr>
            <tr>
              <td class="error-col-1 ok total">
                entry: percentage of failed events is less than or equal to 5.0
                <span class="value" style="display:none">3</span>
              </td>
              <td class="error-col-2 value ok total">OK</td>
            </tr>
            <tr>
              <td class="error-col-1 ko total">
                entry: 99th percentile of response time is less than or equal to 1.0
                <span class="value" style="display:none">4</span>
              </td>
              <td class="error-col-2 value ko total">KO</td>
            </tr>
            </tbody></table>
            """;

    @TempDir
    Path dir;

    @Test
    void namesTheFailedAssertionsOnlyInTheReportsOrder() {
        assertThat(GatlingAssertions.failed(TABLE))
                .containsExactly(
                        "clock: 99th percentile of response time is less than or equal to 1.0",
                        "entry: 99th percentile of response time is less than or equal to 1.0");
    }

    @Test
    void aReportWhoseAssertionsAllHeldNamesNone() {
        assertThat(GatlingAssertions.failed(TABLE.replace(" ko ", " ok "))).isEmpty();
    }

    @Test
    void noReportOrAnUnreadableOneNamesNone() throws Exception {
        assertThat(GatlingAssertions.failed(Optional.empty())).isEmpty();
        assertThat(GatlingAssertions.failed(Optional.of(dir.resolve("missing.html"))))
                .isEmpty();

        Path index = Files.writeString(dir.resolve("index.html"), TABLE);
        assertThat(GatlingAssertions.failed(Optional.of(index))).hasSize(2);
    }
}
