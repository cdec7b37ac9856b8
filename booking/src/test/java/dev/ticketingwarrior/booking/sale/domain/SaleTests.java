package dev.ticketingwarrior.booking.sale.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaleTests {

    private final AcceptedBooking booking = Fakes.booking(Fakes.round().id(), "A-1", "alice");
    private final HoldRecord hold = new HoldRecord(
            "h-1",
            "alice",
            "A-1",
            "owner-1",
            1,
            booking.heldAt(),
            booking.heldAt().plusSeconds(30));

    /** Settles in a list, or fails as a store that does not answer. */
    private static final class Recorded extends Sale {

        final List<Settlement> settled = new ArrayList<>();
        RuntimeException failure;

        Recorded(HoldRecord hold, AcceptedBooking booking) {
            super(hold, booking);
        }

        @Override
        protected void settle(Settlement how) {
            settled.add(how);
            if (failure != null) {
                throw failure;
            }
        }
    }

    @Test
    void eachWayOfEndingSettlesItsOwnWay() {
        Recorded committed = new Recorded(hold, booking);
        Recorded inDoubt = new Recorded(hold, booking);
        Recorded abandoned = new Recorded(hold, booking);

        committed.commit();
        inDoubt.leaveInDoubt();
        abandoned.abandon();

        assertThat(committed.settled).containsExactly(Sale.Settlement.COMMITTED);
        assertThat(inDoubt.settled).containsExactly(Sale.Settlement.IN_DOUBT);
        assertThat(abandoned.settled).containsExactly(Sale.Settlement.ABANDONED);
        assertThat(committed.hold()).isSameAs(hold);
        assertThat(committed.booking()).isSameAs(booking);
    }

    @Test
    void aSaleEndsOnceAndASecondEndingReachesNoStore() {
        Recorded sale = new Recorded(hold, booking);
        sale.commit();

        assertThatThrownBy(sale::abandon)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already COMMITTED, not ABANDONED");
        assertThatThrownBy(sale::commit).isInstanceOf(IllegalStateException.class);
        assertThat(sale.settled).containsExactly(Sale.Settlement.COMMITTED);
    }

    @Test
    void aSettlingTheStoreRefusedIsNotTriedAgainByTheSameSale() {
        // the sale stays open in the store, where the reconciler claims it afresh
        Recorded sale = new Recorded(hold, booking);
        sale.failure = new IllegalStateException("redis is down");

        assertThatThrownBy(sale::commit).isSameAs(sale.failure);
        assertThatThrownBy(sale::commit).hasMessageContaining("already COMMITTED");
        assertThat(sale.settled).containsExactly(Sale.Settlement.COMMITTED);
    }
}
