package dev.ticketingwarrior.booking.sale.web;

import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.booking.player.web.PlayerLimits;
import dev.ticketingwarrior.booking.player.web.ReadLimits;
import dev.ticketingwarrior.booking.player.web.RoundGate;
import dev.ticketingwarrior.booking.sale.domain.BookingOutcome;
import dev.ticketingwarrior.booking.sale.domain.BookingQueries;
import dev.ticketingwarrior.booking.sale.domain.BookingService;
import dev.ticketingwarrior.booking.sale.domain.BookingView;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.shared.round.Round;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BookingController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY_SHAPE = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final BookingService bookings;
    private final BookingQueries queries;
    private final RoundGate gate;
    private final PlayerLimits limits;
    private final ReadLimits reads;

    BookingController(
            BookingService bookings, BookingQueries queries, RoundGate gate, PlayerLimits limits, ReadLimits reads) {
        this.bookings = bookings;
        this.queries = queries;
        this.gate = gate;
        this.limits = limits;
        this.reads = reads;
    }

    @SecurityRequirement(name = "admission-token")
    @Operation(
            summary = "Book your held seat (202 PENDING); the same Idempotency-Key gives the same answer",
            description = "While the round is OPEN. After its close only a replay of a key used during the round is"
                    + " answered (with that key's answer) while the token is valid (its exp is the close + 30 s;"
                    + " 401 invalid-token after); anything else is 403 round-closed. 409"
                    + " idempotency-key-in-progress (with Retry-After) while the key's first request has not"
                    + " finished: send it again. 429 rate-limited (with"
                    + " Retry-After) past the ticket's budget of booking requests.")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted: the confirmation is safely in SQS; poll the booking until CONFIRMED or REJECTED",
            content = @Content(schema = @Schema(implementation = BookingAccepted.class)))
    @PostMapping("/api/v1/bookings")
    ResponseEntity<BookingAccepted> book(
            Player player,
            @Parameter(
                            required = true,
                            description = "1-128 visible characters, the same on every retry of this booking"
                                    + " (400 idempotency-key-required without it)")
                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    String idempotencyKey,
            @Valid @RequestBody BookingRequest request) {
        limits.spend(PlayerLimits.Action.BOOKING, player);
        Round round = gate.requireOwn(player, null);
        if (idempotencyKey == null || !KEY_SHAPE.matcher(idempotencyKey).matches()) {
            throw ProblemException.of(
                    ProblemType.IDEMPOTENCY_KEY_REQUIRED, "send an Idempotency-Key header of 1-128 visible characters");
        }
        if (!gate.isOpen(round)) {
            // after the close only a key that was used during the round is answered: with the answer it got
            return bookings.replay(round, player, idempotencyKey, request.holdId())
                    .map(BookingController::answer)
                    .orElseThrow(() -> gate.closed(round));
        }
        return answer(bookings.book(round, player, idempotencyKey, request.holdId()));
    }

    private static ResponseEntity<BookingAccepted> answer(BookingOutcome outcome) {
        return switch (outcome) {
            case BookingOutcome.Accepted accepted ->
                ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new BookingAccepted(accepted.bookingId().value(), "PENDING", accepted.seatId()));
            case BookingOutcome.AlreadyBooked booked ->
                throw ProblemException.of(ProblemType.ALREADY_BOOKED, "this ticket already booked a seat");
            case BookingOutcome.UnknownHold unknown ->
                throw ProblemException.of(ProblemType.UNKNOWN_HOLD, unknown.detail());
            case BookingOutcome.SeatTaken taken ->
                throw ProblemException.of(ProblemType.SEAT_TAKEN, "seat " + taken.seatId() + " is sold");
            case BookingOutcome.KeyReused reused ->
                throw ProblemException.of(
                        ProblemType.IDEMPOTENCY_KEY_REUSED, "this Idempotency-Key was used for another request");
            case BookingOutcome.InProgress inProgress ->
                throw ProblemException.retryAfter(
                        ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS,
                        "a request with this Idempotency-Key is in progress: send it again in a moment",
                        Duration.ofSeconds(1));
        };
    }

    @Operation(
            summary = "A booking: PENDING | CONFIRMED | REJECTED, durations, splits and rank",
            description = "A confirmed human booking has its rank; a confirmed one without it was answered while"
                    + " MySQL did not answer: ask again for the rank. While MySQL does not answer, a booking accepted"
                    + " lately is answered from Redis (PENDING, or CONFIRMED / REJECTED for 15 min after its row was"
                    + " written); any other booking is then a 503. 429 rate-limited (with Retry-After) past the address's"
                    + " budget of public reads.")
    @GetMapping("/api/v1/bookings/{bookingId}")
    BookingView booking(@PathVariable String bookingId, HttpServletRequest http) {
        reads.publicRead(http);
        return BookingId.parse(bookingId)
                .flatMap(queries::find)
                .orElseThrow(() -> ProblemException.of(ProblemType.UNKNOWN_BOOKING, "no booking " + bookingId));
    }

    record BookingRequest(@NotBlank @Size(max = 64) String holdId) {}

    record BookingAccepted(String bookingId, String status, String seatId) {}
}
