package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.captcha.domain.Captchas;
import dev.ticketingwarrior.booking.confirmation.domain.Bookings;
import dev.ticketingwarrior.booking.confirmation.domain.ConfirmationOutbox;
import dev.ticketingwarrior.booking.ranking.domain.RankingService;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.booking.sale.domain.AbandonedHolds;
import dev.ticketingwarrior.booking.sale.domain.BookingQueries;
import dev.ticketingwarrior.booking.sale.domain.BookingService;
import dev.ticketingwarrior.booking.sale.domain.HoldService;
import dev.ticketingwarrior.booking.sale.domain.Holds;
import dev.ticketingwarrior.booking.sale.domain.KeptBookings;
import dev.ticketingwarrior.booking.sale.domain.SaleReconciler;
import dev.ticketingwarrior.booking.sale.domain.Sales;
import dev.ticketingwarrior.booking.sale.domain.SeatLocks;
import dev.ticketingwarrior.booking.sale.domain.SoldSeatCopies;
import dev.ticketingwarrior.booking.sale.domain.SoldSeatRestorer;
import dev.ticketingwarrior.booking.seat.domain.Venue;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.edge.task.BackgroundTask;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Holds and bookings, wired by hand so the domain packages stay free of Spring. */
@Configuration(proxyBeanMethods = false)
class SaleConfiguration {

    @Bean
    HoldService holdService(
            Venue venue,
            SeatLocks locks,
            Holds holds,
            SoldSeatRestorer soldSeats,
            Captchas captchas,
            RoundClock clock,
            RoundRetention retention,
            BookingProperties properties,
            MeterRegistry meters) {
        return new HoldService(
                venue,
                locks,
                holds,
                soldSeats,
                captchas,
                clock,
                retention,
                properties.hold().ttl(),
                meters);
    }

    @Bean
    BookingService bookingService(
            Sales sales,
            KeptBookings kept,
            ConfirmationOutbox outbox,
            Bookings bookings,
            RoundClock clock,
            RoundRetention retention,
            MeterRegistry meters) {
        return new BookingService(sales, kept, outbox, bookings, clock, retention, meters);
    }

    @Bean
    SaleReconciler saleReconciler(
            Sales sales,
            ConfirmationOutbox outbox,
            RoundClock clock,
            RoundRetention retention,
            BookingProperties properties,
            MeterRegistry meters) {
        return new SaleReconciler(
                sales, outbox, clock, retention, properties.queue().reconcileAfter(), 100, meters);
    }

    /** Every {@code ticketing.queue.reconcile-every}, on every instance (claims keep them from doing it twice). */
    @Bean
    BackgroundTask openSalesReconciliation(SaleReconciler reconciler, BookingProperties properties) {
        return BackgroundTask.every(
                "sale-reconciler",
                properties.queue().reconcileEvery(),
                reconciler::reconcile,
                "open sales not reconciled",
                DependencyUnavailableException.class::isInstance);
    }

    @Bean
    SoldSeatRestorer soldSeatRestorer(
            Bookings bookings,
            SoldSeatCopies copies,
            RoundClock clock,
            RoundRetention retention,
            BookingProperties properties,
            MeterRegistry meters) {
        return new SoldSeatRestorer(
                bookings,
                copies,
                clock,
                retention,
                properties.queue().restoreAllEvery(),
                properties.queue().restoreHoldWait(),
                meters);
    }

    /** Every {@code ticketing.queue.reconcile-every}, on every instance (writes only what differs). */
    @Bean
    BackgroundTask soldSeatRestoration(SoldSeatRestorer restorer, BookingProperties properties) {
        return BackgroundTask.every(
                "sold-seat-restorer",
                properties.queue().reconcileEvery(),
                restorer::restore,
                "sold seats not checked against MySQL",
                DependencyUnavailableException.class::isInstance);
    }

    @Bean
    BookingQueries bookingQueries(Bookings bookings, KeptBookings kept, RankingService ranking) {
        return new BookingQueries(bookings, kept, ranking);
    }

    @Bean
    AbandonedHolds abandonedHolds(Holds holds, RoundClock clock, MeterRegistry meters) {
        return new AbandonedHolds(holds, clock, meters);
    }

    /** Every {@code ticketing.hold.abandoned-sweep}, on every instance. */
    @Bean
    BackgroundTask abandonedHoldsSweep(AbandonedHolds abandoned, BookingProperties properties) {
        return BackgroundTask.every(
                "abandoned-holds",
                properties.hold().abandonedSweep(),
                abandoned::sweep,
                "abandoned holds not swept",
                DependencyUnavailableException.class::isInstance);
    }
}
