package dev.ticketingwarrior.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ticketingwarrior.edge.problem.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** What a client is told about a body the JSON reader refused: the field and what was wrong, in its own words. */
class UnreadableBodyTests {

    private enum Level {
        EASY,
        HARD
    }

    private record Settings(
            Double ratePerSecond, Integer openBatch, Boolean paused, Level level, List<Integer> seats) {}

    /** The services' own reader: the edge's strict settings. */
    private static final JsonMapper STRICT = strict();

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new EdgeAutoConfiguration().strictScalars().customize(builder);
        return builder.build();
    }

    @Test
    void namesTheFieldAndWhatItShouldHaveBeen() {
        assertThat(reason("{\"ratePerSecond\":\"fast\"}")).isEqualTo("ratePerSecond: not a number");
        assertThat(reason("{\"ratePerSecond\":\"1e400x\"}")).isEqualTo("ratePerSecond: not a number");
        assertThat(reason("{\"openBatch\":1.5}")).isEqualTo("openBatch: \"1.5\" is not a whole number");
        assertThat(reason("{\"paused\":\"yes\"}")).isEqualTo("paused: not true or false");
        assertThat(reason("{\"level\":\"hard\"}")).isEqualTo("level: \"hard\" is not one of EASY, HARD");
        assertThat(reason("{\"seats\":[1,\"x\"]}")).isEqualTo("seats[1]: not a whole number");
        assertThat(reason("{\"speed\":3}")).isEqualTo("unknown field \"speed\"");
        assertThat(reason("{\"paused\":true,\"paused\":false}")).isEqualTo("a field is given twice");
        assertThat(reason("{\"paused\":")).startsWith("not valid JSON (line 1, column ");
    }

    @Test
    void aBodyOfAnotherKindIsPlainlyRefused() {
        ProblemDetail problem = Problems.unreadableBody(new IllegalStateException("no body"));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail()).isEqualTo("The body is not the expected JSON.");
        assertThat(problem.getProperties()).isNull();
    }

    private static String reason(String json) {
        Throwable refused = catchThrowable(() -> STRICT.readValue(json, Settings.class));
        assertThat(refused).as("the reader refuses %s", json).isNotNull();
        ProblemDetail problem = Problems.unreadableBody(new IllegalArgumentException("read failed", refused));
        assertThat(problem.getDetail()).startsWith("The body is not the expected JSON: ");
        @SuppressWarnings("unchecked")
        List<String> errors = (List<String>) problem.getProperties().get("errors");
        return errors.getFirst();
    }
}
