package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.shared.round.RoundId;

/**
 * What a player sees about a ticket: {@code position} 1 = next to be admitted ({@code ahead = position - 1}), 0 once
 * admitted; {@code waiting} = everybody not yet admitted in the round; {@code etaSeconds} null when the counter is not
 * moving; {@code token} only when {@link TicketStatus#ADMITTED}.
 */
public record TicketView(
        TicketId ticketId,
        RoundId roundId,
        TicketStatus status,
        long queueNumber,
        long position,
        long ahead,
        long waiting,
        double ratePerSecond,
        Long etaSeconds,
        String token) {

    public boolean terminal() {
        return status != TicketStatus.WAITING;
    }

    static TicketView of(Ticket ticket, ServingState state, TicketStatus status, String token) {
        return of(ticket.id(), ticket.queueNumber(), state, status, token);
    }

    /** A ticket the counter has not reached: {@link TicketStatus#WAITING}, or {@link TicketStatus#CLOSED} after the close. */
    static TicketView unserved(TicketId id, long queueNumber, ServingState state, TicketStatus status) {
        return of(id, queueNumber, state, status, null);
    }

    private static TicketView of(TicketId id, long queueNumber, ServingState state, TicketStatus status, String token) {
        long position = status == TicketStatus.ADMITTED ? 0 : Math.max(1, queueNumber - state.served());
        Long eta = status == TicketStatus.WAITING ? ServingCounter.etaSeconds(position, state.settings()) : null;
        if (status == TicketStatus.ADMITTED) {
            eta = 0L;
        }
        return new TicketView(
                id,
                id.roundId(),
                status,
                queueNumber,
                position,
                Math.max(0, position - 1),
                state.waiting(),
                state.settings().ratePerSecond(),
                eta,
                token);
    }

    /** The same waiting ticket against a newer counter, without a round trip. */
    TicketView waitingAgainst(ServingState state) {
        long position = Math.max(1, queueNumber - state.served());
        return new TicketView(
                ticketId,
                roundId,
                TicketStatus.WAITING,
                queueNumber,
                position,
                position - 1,
                state.waiting(),
                state.settings().ratePerSecond(),
                ServingCounter.etaSeconds(position, state.settings()),
                null);
    }
}
