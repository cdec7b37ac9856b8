package dev.ticketingwarrior.booking.sale.domain;

import static dev.ticketingwarrior.booking.sale.domain.Fakes.OPENS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.round.RoundRetention;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoldSeatRestorerTests {

    private final Fakes.SalesInMemory sales = new Fakes.SalesInMemory();
    private final Fakes.BookingsInMemory mysql = new Fakes.BookingsInMemory();
    private final RoundClock clock = Fakes.clockAt(OPENS.plusSeconds(5));
    private final SoldSeatRestorer restorer = new SoldSeatRestorer(
            mysql, sales, clock, new RoundRetention(clock, Duration.ofMinutes(10)), new SimpleMeterRegistry());

    @Test
    void aSeatMysqlSoldThatRedisLostIsSoldAgainToTheSameBooking() {
        AcceptedBooking booking = booking("C-3", "alice");
        mysql.confirm(List.of(booking));

        assertThat(restorer.restore()).isEqualTo(1);

        assertThat(sales.sold).containsEntry("C-3", booking.id().value());
        assertThat(sales.ticketBookings).containsEntry("alice", booking.id().value());
    }

    @Test
    void inAgreementNothingChanges() {
        AcceptedBooking booking = booking("C-4", "bob");
        mysql.confirm(List.of(booking));
        restorer.restore();

        assertThat(restorer.restore()).isZero();
    }

    @Test
    void aSeatRedisSoldToAnotherBookingFollowsMysql() {
        AcceptedBooking winner = booking("C-5", "carol");
        mysql.confirm(List.of(winner));
        sales.sold.put("C-5", "someone-else");

        assertThat(restorer.restore()).isEqualTo(1);

        assertThat(sales.sold).containsEntry("C-5", winner.id().value());
    }

    private static AcceptedBooking booking(String seat, String ticket) {
        return new AcceptedBooking(
                BookingId.next(Fakes.round().id()),
                seat,
                ticket,
                "nick-" + ticket,
                false,
                1,
                OPENS,
                OPENS.plusMillis(100),
                OPENS.plusMillis(200),
                OPENS.plusMillis(300),
                OPENS.plusMillis(400));
    }
}
