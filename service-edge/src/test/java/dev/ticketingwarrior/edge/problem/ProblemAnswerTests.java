package dev.ticketingwarrior.edge.problem;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.ticketingwarrior.edge.testing.LogLines;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

class ProblemAnswerTests {

    @Test
    void logsAnOutageWithTheDeepestCauseThatSaysWhatHappened() {
        try (LogLines logged = LogLines.of(ProblemAnswer.class.getName())) {
            ProblemAnswer.of(
                    new DependencyUnavailableException(
                            "log-test-queue",
                            new IllegalStateException(
                                    "SQS: no acknowledgement in 3s (withdrawn, not sent)", new TimeoutException())),
                    "/api/v1/bookings");

            assertThat(logged.lines())
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("log-test-queue unavailable on /api/v1/bookings: java.lang.IllegalStateException:"
                            + " SQS: no acknowledgement in 3s (withdrawn, not sent)");
        }
    }

    /** A whole ticket id collects its token: the outage line shows the path without the id's seal, the answer keeps it. */
    @Test
    void logsTheOutageOfATicketsPathWithoutTheTicketsSeal() {
        String path = "/api/v1/queue/20310303T030300Z-1-0123456789abcdef01234567";
        try (LogLines logged = LogLines.of(ProblemAnswer.class.getName())) {
            ProblemAnswer answer = ProblemAnswer.of(
                    new DependencyUnavailableException("log-test-ticket-store", new IllegalStateException("refused")),
                    path);

            assertThat(logged.lines())
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("log-test-ticket-store unavailable on /api/v1/queue/20310303T030300Z-1-…:"
                            + " java.lang.IllegalStateException: refused");
            assertThat(answer.body().getInstance()).isEqualTo(URI.create(path));
        }
    }

    @Test
    void theDeepestCauseWithAMessageIsTheRootWhenTheRootSaysSomething() {
        IllegalStateException root = new IllegalStateException("connection refused");
        RuntimeException error = new RuntimeException("store unavailable", new RuntimeException(null, root));

        assertThat(ProblemAnswer.deepestSaying(error)).isSameAs(root);
        assertThat(ProblemAnswer.deepestSaying(new RuntimeException("alone"))).hasMessage("alone");
    }

    @Test
    void aRefusalKeepsItsTypePropertiesAndRetryAfter() {
        ProblemAnswer answer = ProblemAnswer.of(
                ProblemException.retryAfter(ProblemType.RATE_LIMITED, "slow down", Duration.ofSeconds(7)), "/api/x");

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.body().getType()).isEqualTo(ProblemType.RATE_LIMITED.uri());
        assertThat(answer.body().getDetail()).isEqualTo("slow down");
        assertThat(answer.body().getInstance()).isEqualTo(URI.create("/api/x"));
        assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        ProblemAnswer taken =
                ProblemAnswer.of(ProblemException.of(ProblemType.SEAT_TAKEN, "sold", "seatId", "A-1"), "/");
        assertThat(taken.body().getProperties()).containsEntry("seatId", "A-1");
        assertThat(taken.retryAfter()).isEmpty();
        assertThat(taken.headers().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }

    @Test
    void aDependencyThatDoesNotAnswerIs503WithRetryAfterAndIsNotNamed() {
        ProblemAnswer answer = ProblemAnswer.of(
                new DependencyUnavailableException(
                        "waiting room store", Duration.ofSeconds(3), new IllegalStateException("timeout")),
                "/api/v1/queue");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body().getType()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE.uri());
        assertThat(answer.body().getDetail()).doesNotContain("waiting room");
        assertThat(answer.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
    }

    @Test
    void anythingElseIsA500ThatSaysNothingOfItsCause() {
        ProblemAnswer answer = ProblemAnswer.of(new IllegalStateException("secret internals"), "/api/y");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body().getDetail()).doesNotContain("secret");
        assertThat(answer.body().getInstance()).isEqualTo(URI.create("/api/y"));
        assertThat(answer.retryAfter()).isEmpty();
        // found by a probe: its body was never written, the map of a problem without a type failing
        assertThat(Problems.asMap(answer.body()))
                .containsEntry("type", "about:blank")
                .containsEntry("status", 500)
                .containsEntry("title", "Internal error");
    }

    @Test
    void aServerErrorTheFrameworkRaisedIsNoClientErrorAndA503SaysWhenToComeBack() {
        ProblemAnswer failed = ProblemAnswer.of(
                Problems.forStatus(HttpStatusCode.valueOf(500), "NullPointerException in Foo"), "/api/z");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body().getType()).isNotEqualTo(ProblemType.INVALID_REQUEST.uri());
        assertThat(failed.body().getDetail()).doesNotContain("Foo");
        assertThat(failed.retryAfter()).isEmpty();

        ProblemAnswer busy = ProblemAnswer.of(Problems.forStatus(HttpStatusCode.valueOf(503), null), "/api/z");
        assertThat(busy.body().getType()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE.uri());
        assertThat(busy.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void anUnauthorizedAnswerNamesTheSchemeItWants() {
        ProblemAnswer answer = ProblemAnswer.of(Problems.detail(ProblemType.UNAUTHORIZED, "no token"), "/api/v1/admin");

        assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer ");
    }

    @Test
    void aPathThatIsNoUriLeavesTheInstanceOut() {
        ProblemAnswer answer = ProblemAnswer.of(new IllegalStateException("x"), "/a b\\c");

        assertThat(answer.body().getInstance()).isNull();
    }
}
