package dev.ticketingwarrior.admission.queue.domain;

import java.time.Instant;
import java.util.Objects;

/** A place in a round's waiting room: who holds it and its queue number (1 = first to arrive). */
public record Ticket(TicketId id, Nickname nickname, boolean bot, long queueNumber, Instant enteredAt) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(enteredAt, "enteredAt");
        if (queueNumber < 1) {
            throw new IllegalArgumentException("queue numbers start at 1");
        }
    }
}
