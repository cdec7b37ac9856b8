package dev.ticketingwarrior.admission.queue.web;

import dev.ticketingwarrior.admission.queue.domain.TicketView;

/** {@code POST /api/v1/queue} answer. {@code position} 1 = next in line, 0 = already admitted. */
record EnteredResponse(String ticketId, String roundId, long position, long waiting) {

    static EnteredResponse of(TicketView view) {
        return new EnteredResponse(view.ticketId().value(), view.roundId().value(), view.position(), view.waiting());
    }
}
