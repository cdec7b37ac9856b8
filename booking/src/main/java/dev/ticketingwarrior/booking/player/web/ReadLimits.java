package dev.ticketingwarrior.booking.player.web;

import dev.ticketingwarrior.edge.limit.servlet.AddressLimit;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The per-address limits on the calls that carry no token (docs/decisions/0010): the public reads (results, the
 * leaderboard, a booking by its id, the seat map of a closed round), counted in memory first since every result
 * screen polls them, and the debrief and history reads.
 */
public final class ReadLimits {

    private final AddressLimit publicReads;
    private final AddressLimit debriefReads;

    public ReadLimits(AddressLimit publicReads, AddressLimit debriefReads) {
        this.publicReads = publicReads;
        this.debriefReads = debriefReads;
    }

    /** Spends one public read of the request's address; a 429 problem with Retry-After past the budget. */
    public void publicRead(HttpServletRequest request) {
        publicReads.spend(request);
    }

    /** Spends one debrief or history read of the request's address; a 429 problem past the budget. */
    public void debriefRead(HttpServletRequest request) {
        debriefReads.spend(request);
    }
}
