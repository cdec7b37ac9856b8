package dev.ticketingwarrior.booking.debrief.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.WaitingTicket;
import java.time.Instant;
import java.util.Optional;

/**
 * What admission recorded of a round's tickets, read (never written) by booking for the debrief of a player booking
 * saw no call of (never admitted, or admitted too late or gone before its first call): admission's record is all
 * there is.
 */
public interface AdmissionRecords {

    /** Ticket {@code queueNumber} of the round as admission keeps it, empty when the round has no such ticket. */
    Optional<Record> ticket(RoundId round, long queueNumber);

    /**
     * The ticket and its round's counter: the round's seal secret (what checks the ticket's id), when the ticket was
     * admitted (empty: it was not), how many were served, up to when the counter advanced, how many bots it admitted, and when the
     * last admitted human entered (empty when it cannot be told cheaply).
     */
    record Record(
            String sealSecret,
            WaitingTicket ticket,
            Optional<Instant> admittedAt,
            long served,
            Instant advancedUntil,
            long admittedBots,
            Optional<Instant> lastAdmittedHumanEnteredAt) {

        @Override
        public String toString() {
            return "Record[ticket=" + ticket + ", admittedAt=" + admittedAt + ", served=" + served + "]";
        }
    }
}
