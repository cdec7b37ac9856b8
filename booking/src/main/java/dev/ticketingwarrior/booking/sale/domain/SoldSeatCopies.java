package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.confirmation.domain.SoldSeat;
import dev.ticketingwarrior.shared.round.RoundId;
import java.util.List;
import java.util.OptionalInt;

/**
 * The sale's copy of which seats are sold and which tickets booked (what holds and sales are checked against), made to
 * agree with MySQL's CONFIRMED rows when the copy lost writes.
 */
public interface SoldSeatCopies {

    /**
     * Makes the round's sold seats (and booked tickets) agree with {@code sold}, MySQL's CONFIRMED rows; returns how
     * many seats changed. A seat missing from the copy after it lost writes is SOLD again; one sold there to another
     * booking is set to MySQL's (that other booking will be REJECTED by the listener anyway).
     *
     * <p>{@code all}: {@code sold} is every CONFIRMED row of the round, and the copy keeps a mark of it. Otherwise it
     * is only the rows confirmed lately, which is enough only while the copy still has that mark (it kept the earlier
     * rows): without it (the copy came back empty) nothing is written and the answer is empty, so the caller restores
     * all.
     */
    OptionalInt restore(RoundId round, List<SoldSeat> sold, boolean all, Sales.Retention retention);
}
