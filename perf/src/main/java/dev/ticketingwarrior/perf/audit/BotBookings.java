package dev.ticketingwarrior.perf.audit;

/**
 * The bots' bookings of a round (bot-runner's, through the same booking service): {@code confirmed} and
 * {@code rejected} are the rows with {@code bot} set in {@code bookings} and {@code rejected_bookings}; {@code lost}
 * the bookings booking keeps a pending copy of with {@code bot} set that have a row in neither table after draining.
 */
public record BotBookings(int confirmed, int rejected, int lost) {

    public static final BotBookings NONE = new BotBookings(0, 0, 0);

    /** Every bot booking the auditor knows was accepted: each ended in one table, or in none (lost). */
    public int accepted() {
        return confirmed + rejected + lost;
    }

    BotBookings plus(BotBookings other) {
        return new BotBookings(confirmed + other.confirmed, rejected + other.rejected, lost + other.lost);
    }
}
