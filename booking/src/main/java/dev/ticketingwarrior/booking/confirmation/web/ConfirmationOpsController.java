package dev.ticketingwarrior.booking.confirmation.web;

import dev.ticketingwarrior.booking.confirmation.domain.ConfirmationBacklog;
import dev.ticketingwarrior.booking.confirmation.domain.DeadLetters;
import dev.ticketingwarrior.booking.outage.domain.MysqlOutage;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.edge.secret.Credentials;
import dev.ticketingwarrior.edge.secret.OpsAuthorization;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ops view of the confirmations on their way to MySQL, of their dead-letter queue and its redrive
 * (docs/runbooks/dlq-redrive.md).
 */
@RestController
@SecurityRequirement(name = "ops")
class ConfirmationOpsController {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationOpsController.class);
    private static final int MOST_PER_CALL = 1000;

    private final ConfirmationBacklog backlog;
    private final DeadLetters deadLetters;
    private final MysqlOutage mysql;
    private final OpsAuthorization ops;

    ConfirmationOpsController(
            ConfirmationBacklog backlog, DeadLetters deadLetters, MysqlOutage mysql, Credentials credentials) {
        this.backlog = backlog;
        this.deadLetters = deadLetters;
        this.mysql = mysql;
        this.ops = new OpsAuthorization(credentials);
    }

    @Operation(
            summary =
                    "Confirmations not yet written to MySQL: waiting on the queue, taken by a listener, dead-lettered",
            description = "Approximate, as SQS counts. While MySQL does not answer, the backlog grows and nothing is"
                    + " lost; it drains once MySQL answers again. `mysqlFailingSince`: when the answering instance's"
                    + " calls to MySQL began to fail (null while they pass). 401 without the ops token, 503 while SQS"
                    + " does not answer.")
    @GetMapping("/api/v1/confirmations")
    Backlog backlog(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        ops.check(authorization);
        ConfirmationBacklog.Counts counts = backlog.counts();
        return new Backlog(
                counts.waiting(),
                counts.inFlight(),
                counts.deadLetters(),
                mysql.since().orElse(null));
    }

    @Operation(
            summary = "How many confirmations wait in the dead-letter queue",
            description = "401 without the ops token")
    @GetMapping("/api/v1/confirmations/dead-letters")
    DeadLetterCount count(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        ops.check(authorization);
        return new DeadLetterCount(deadLetters.count());
    }

    @Operation(
            summary = "Put dead-lettered confirmations back on the confirmation queue",
            description = "Moves up to `max` (1-1000, default 1000) messages; the listener writes each booking once,"
                    + " however often it comes. Safe to repeat. 400 invalid-request for a `max` out of range; 401"
                    + " without the ops token.")
    @PostMapping("/api/v1/confirmations/dead-letters/redrive")
    Redriven redrive(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @Parameter(
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "" + MOST_PER_CALL,
                                            defaultValue = "" + MOST_PER_CALL))
                    @RequestParam(defaultValue = "" + MOST_PER_CALL)
                    int max) {
        ops.check(authorization);
        if (max < 1 || max > MOST_PER_CALL) {
            throw ProblemException.of(ProblemType.INVALID_REQUEST, "max is 1-" + MOST_PER_CALL + ", not " + max + ".");
        }
        int moved = deadLetters.redrive(max);
        long left = deadLetters.count();
        log.info("ops redrive: {} dead-lettered confirmations back on the queue, {} left", moved, left);
        return new Redriven(moved, left);
    }

    /** The queues' counts, and since when MySQL has failed this instance (null while it answers). */
    record Backlog(long waiting, long inFlight, long deadLetters, Instant mysqlFailingSince) {}

    record DeadLetterCount(long messages) {}

    record Redriven(int moved, long remaining) {}
}
