package dev.ticketingwarrior.booking.sale.domain;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import java.util.Objects;

/**
 * A seat sold in Redis to a booking whose confirmation must now be queued, settled at most once, in one of three ways.
 * Until it is committed or abandoned it stays open in Redis with what is needed to send its confirmation again: a
 * request that dies before settling it, or whose settling fails, and a sale left in doubt are left to the
 * {@link SaleReconciler}, which claims them afresh, queues them again and commits them. Its store settles it
 * ({@link #settle}).
 */
public abstract class Sale {

    /** How a sale ends. */
    public enum Settlement {
        /** The confirmation is queued: the pending booking kept, the hold closed, the key answered accepted. */
        COMMITTED,
        /**
         * The queue's acknowledgement did not come in time after the confirmation was sent (it may be queued): nothing
         * is undone — the seat stays sold and the pending booking kept, the hold is closed — and the key is answered
         * {@link Sales.Outcome#IN_DOUBT}, so a retry with it sends the same booking again instead of selling anew.
         */
        IN_DOUBT,
        /** The confirmation was surely not queued: the seat and the ticket are free again, and the key is forgotten. */
        ABANDONED
    }

    private final HoldRecord hold;
    private final AcceptedBooking booking;
    private Settlement settled;

    protected Sale(HoldRecord hold, AcceptedBooking booking) {
        this.hold = Objects.requireNonNull(hold, "hold");
        this.booking = Objects.requireNonNull(booking, "booking");
    }

    /** The hold it sold. */
    public final HoldRecord hold() {
        return hold;
    }

    /** The booking whose confirmation it queues. */
    public final AcceptedBooking booking() {
        return booking;
    }

    /** {@link Settlement#COMMITTED}. */
    public final void commit() {
        end(Settlement.COMMITTED);
    }

    /** {@link Settlement#IN_DOUBT}. */
    public final void leaveInDoubt() {
        end(Settlement.IN_DOUBT);
    }

    /** {@link Settlement#ABANDONED}. */
    public final void abandon() {
        end(Settlement.ABANDONED);
    }

    private void end(Settlement how) {
        if (settled != null) {
            throw new IllegalStateException("sale of booking " + booking.id() + " already " + settled + ", not " + how);
        }
        settled = how;
        settle(how);
    }

    /** Settles it in the store (once: a failure leaves the sale open there, for the reconciler). */
    protected abstract void settle(Settlement how);
}
