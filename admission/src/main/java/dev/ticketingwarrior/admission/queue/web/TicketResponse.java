package dev.ticketingwarrior.admission.queue.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ticketingwarrior.admission.queue.domain.TicketStatus;
import dev.ticketingwarrior.admission.queue.domain.TicketView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A ticket's standing, as polled and as carried by every event of the stream. Every field SPEC §4 lists is present;
 * {@code etaSeconds} is null when there is no estimate, and {@code token} (optional there) is left out until admitted.
 */
record TicketResponse(
        String ticketId,
        String roundId,
        TicketStatus status,
        long position,
        long ahead,
        long waiting,
        double ratePerSecond,

        @Schema(
                description = "Seconds until admitted at the current rate; null while the counter does not"
                        + " move (paused, rate 0) or when it would take longer than a day",
                nullable = true)
        Long etaSeconds,

        @JsonInclude(JsonInclude.Include.NON_NULL) String token) {

    static TicketResponse of(TicketView view) {
        return new TicketResponse(
                view.ticketId().value(),
                view.roundId().value(),
                view.status(),
                view.position(),
                view.ahead(),
                view.waiting(),
                view.ratePerSecond(),
                view.etaSeconds(),
                view.token());
    }
}
