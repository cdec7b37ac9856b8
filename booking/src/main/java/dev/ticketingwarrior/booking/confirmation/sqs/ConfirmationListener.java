package dev.ticketingwarrior.booking.confirmation.sqs;

import dev.ticketingwarrior.booking.config.BookingProperties;
import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.Bookings;
import dev.ticketingwarrior.booking.confirmation.domain.PendingBookings;
import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.confirmation.domain.UnstorableBookingException;
import dev.ticketingwarrior.edge.log.RepeatedWarnings;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.edge.problem.ProblemAnswer;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.BatchVisibility;
import io.awspring.cloud.sqs.listener.acknowledgement.BatchAcknowledgement;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes {@code booking-confirmations} in batches (as many as one poll returns, up to 10) and writes them as one
 * batch of idempotent upserts, without a transaction (each row stands alone). Messages are acknowledged only after the
 * write. While MySQL does not answer, the listener keeps its messages and waits (backing off, their visibility
 * extended each time), so an outage of any length spends no receives: the container polls no more while its listeners
 * are busy, and nothing reaches the DLQ for it. Once written, the bookings' pending copies (what a lookup answers
 * PENDING from) are let go. When the instance stops meanwhile (a deploy, a scale-in), a waiting listener hands its
 * messages back at once (visible again 2 s later), so another instance takes them and the shutdown does not wait for
 * it. Only a
 * poison message is never acknowledged, so SQS moves it to the DLQ after 5 receives: one that is not a complete booking,
 * or one MySQL refuses to store as it is (a value out of its range). A batch MySQL refuses is written again booking by
 * booking, so such a booking holds neither the others of its batch nor MySQL's circuit.
 */
@Component
class ConfirmationListener {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationListener.class);
    private static final RepeatedWarnings waits = new RepeatedWarnings(log);
    /**
     * How soon a batch handed back by a stopping instance shows again: at once for any other instance, yet not before
     * this one's poller (stopped right after the context's close event) could receive it again and spend a receive.
     */
    private static final int HAND_BACK_VISIBILITY_SECONDS = 2;

    private static final Duration HAND_BACK_TIMEOUT = Duration.ofSeconds(2);

    private final Bookings bookings;
    private final PendingBookings pending;
    private final ObjectReader reader;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer lag;
    private final DistributionSummary received;
    private final int visibilitySeconds;
    private final Duration firstWait;
    private final Duration longestWait;
    private final CountDownLatch stopping = new CountDownLatch(1);

    @Autowired
    ConfirmationListener(
            Bookings bookings,
            PendingBookings pending,
            JsonMapper json,
            MeterRegistry meters,
            Clock clock,
            BookingProperties properties) {
        this(
                bookings,
                pending,
                json,
                meters,
                clock,
                properties.queue().visibilitySeconds(),
                Duration.ofMillis(500),
                properties.queue().longestMysqlWait());
    }

    /**
     * {@code firstWait} doubles after each failed write up to {@code longestWait}, and never past a third of the
     * messages' visibility, so each extension comes well before they would show again.
     */
    ConfirmationListener(
            Bookings bookings,
            PendingBookings pending,
            JsonMapper json,
            MeterRegistry meters,
            Clock clock,
            int visibilitySeconds,
            Duration firstWait,
            Duration longestWait) {
        Duration third = Duration.ofMillis(visibilitySeconds * 1000L / 3);
        this.visibilitySeconds = visibilitySeconds;
        this.longestWait = longestWait.compareTo(third) > 0 ? third : longestWait;
        this.firstWait = firstWait.compareTo(this.longestWait) > 0 ? this.longestWait : firstWait;
        this.bookings = bookings;
        this.pending = pending;
        // newer senders may add fields: an unknown property is not a poison message
        this.reader = BookingConfirmationMessage.reader(json);
        this.meters = meters;
        this.clock = clock;
        this.lag = Timer.builder("ticketing.confirmation.lag")
                .description("booking accepted → row written")
                .publishPercentileHistogram()
                .register(meters);
        this.received = DistributionSummary.builder("ticketing.queue.receive.batch")
                .description("confirmations per listener call (one poll, up to 10)")
                .register(meters);
    }

    @SqsListener(
            value = "${ticketing.queue.name}",
            acknowledgementMode = "MANUAL",
            maxMessagesPerPoll = "10",
            // the annotation takes text: the same knobs as BookingProperties.Queue binds and checks
            maxConcurrentMessages = "${ticketing.queue.listener-max-messages:40}",
            messageVisibilitySeconds = "${ticketing.queue.visibility-seconds:30}")
    void onConfirmations(
            List<Message<String>> messages, BatchAcknowledgement<String> acknowledgement, BatchVisibility visibility) {
        received.record(messages.size());
        List<Message<String>> good = new ArrayList<>();
        List<AcceptedBooking> payloads = new ArrayList<>();
        for (Message<String> message : messages) {
            parse(message.getPayload())
                    .ifPresentOrElse(
                            payload -> {
                                good.add(message);
                                payloads.add(payload);
                            },
                            () -> meters.counter("ticketing.bookings", "result", "poison")
                                    .increment());
        }
        if (payloads.isEmpty()) {
            return;
        }
        // one id for this poll's write, the same on each try while MySQL does not answer: a try that failed after its
        // rows landed leaves them counted as this write's
        String write = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Written written;
        try {
            Optional<Bookings.Confirmed> confirmed = confirmOnceMysqlAnswers(payloads, write, visibility);
            if (confirmed.isEmpty()) {
                return;
            }
            written = new Written(
                    good, payloads, confirmed.get().states(), confirmed.get().decidedNow());
        } catch (UnstorableBookingException e) {
            written = oneByOne(good, payloads, write, visibility);
        }
        if (written.messages().isEmpty()) {
            return;
        }
        acknowledgement.acknowledge(written.messages());
        resolvePendingCopies(written.states());
        count(written);
    }

    /** The messages written (to acknowledge), their bookings, each booking's state, and which this write decided. */
    private record Written(
            List<Message<String>> messages,
            List<AcceptedBooking> bookings,
            Map<BookingId, StoredBooking.Status> states,
            Set<BookingId> decidedNow) {}

    /**
     * MySQL refused the batch for a booking in it: each is written alone (the same write, so rows an earlier try left
     * are still its own), each waiting for MySQL as a batch does. The ones it refuses again are left unacknowledged, for
     * the DLQ. When the instance begins to stop while it waits, what is written so far is all there is; the rest are
     * handed back.
     */
    private Written oneByOne(
            List<Message<String>> messages, List<AcceptedBooking> payloads, String write, BatchVisibility visibility) {
        List<Message<String>> stored = new ArrayList<>();
        List<AcceptedBooking> storedBookings = new ArrayList<>();
        Map<BookingId, StoredBooking.Status> states = new HashMap<>();
        Set<BookingId> decidedNow = new HashSet<>();
        for (int i = 0; i < payloads.size(); i++) {
            AcceptedBooking booking = payloads.get(i);
            Optional<Bookings.Confirmed> confirmed;
            try {
                confirmed = confirmOnceMysqlAnswers(List.of(booking), write, visibility);
            } catch (UnstorableBookingException e) {
                meters.counter("ticketing.bookings", "result", "poison").increment();
                log.error(
                        "booking {} for seat {} of round {} left for the DLQ: {}",
                        booking.id(),
                        booking.seatId(),
                        booking.round(),
                        e.getMessage());
                continue;
            }
            if (confirmed.isEmpty()) {
                break;
            }
            stored.add(messages.get(i));
            storedBookings.add(booking);
            states.putAll(confirmed.get().states());
            decidedNow.addAll(confirmed.get().decidedNow());
        }
        return new Written(stored, storedBookings, states, decidedNow);
    }

    /** Counts and times each booking this write decided, once. */
    private void count(Written written) {
        long now = clock.millis();
        Set<BookingId> counted = new HashSet<>();
        for (AcceptedBooking payload : written.bookings()) {
            if (!written.decidedNow().contains(payload.id()) || !counted.add(payload.id())) {
                // decided before, or twice in this batch (a message delivered again): counted and timed once, by the
                // batch that decided it, so a redelivery neither counts a booking twice nor shows as a long lag
                meters.counter("ticketing.confirmation.repeats").increment();
                continue;
            }
            StoredBooking.Status state = written.states().get(payload.id());
            meters.counter(
                            "ticketing.bookings",
                            "result",
                            state == null ? "unknown" : state.name().toLowerCase())
                    .increment();
            lag.record(Duration.ofMillis(Math.max(0, now - payload.bookedAt().toEpochMilli())));
            if (state == StoredBooking.Status.REJECTED) {
                log.warn(
                        "booking {} for seat {} of round {} rejected: seat or ticket already booked",
                        payload.id(),
                        payload.seatId(),
                        payload.round());
            }
        }
    }

    /**
     * Writes the batch, waiting as long as MySQL does not answer: the messages stay with this listener (their
     * visibility extended before each wait), so none is received again, and a failure of another kind (not MySQL being
     * unavailable) leaves them to SQS as before. Empty when the instance began to stop while it waited: the messages
     * are then visible again within seconds, for another instance.
     */
    private Optional<Bookings.Confirmed> confirmOnceMysqlAnswers(
            List<AcceptedBooking> payloads, String write, BatchVisibility visibility) {
        Duration wait = firstWait;
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.of(bookings.confirm(payloads, write));
            } catch (DependencyUnavailableException e) {
                if (attempt == 1) {
                    // every listener thread's batch waits at once: one line every 10 s, the cause without the SQL
                    waits.warn(
                            "wait",
                            "{} confirmations wait for {}: {}",
                            payloads.size(),
                            e.dependency(),
                            ProblemAnswer.deepestSaying(e).toString());
                }
                meters.counter("ticketing.confirmation.waits").increment();
                visibility.changeTo(visibilitySeconds);
                if (stopsWithin(wait)) {
                    handBack(payloads.size(), visibility);
                    return Optional.empty();
                }
                wait = wait.multipliedBy(2).compareTo(longestWait) > 0 ? longestWait : wait.multipliedBy(2);
            }
        }
    }

    /**
     * The context is closing: it stops the listener container next, which would wait for a listener that waits for
     * MySQL, then interrupt it. Waiting listeners hand their messages back instead.
     */
    @EventListener(ContextClosedEvent.class)
    void stopWaiting() {
        stopping.countDown();
    }

    /** Waits, unless the instance stops first (or the thread is interrupted): whether it stops. */
    private boolean stopsWithin(Duration wait) {
        try {
            return stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void handBack(int count, BatchVisibility visibility) {
        try {
            visibility
                    .changeToAsync(HAND_BACK_VISIBILITY_SECONDS)
                    .get(HAND_BACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.info(
                    "{} confirmations handed back to the queue: this instance stops while MySQL is unavailable", count);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.info("{} confirmations go back to the queue when their visibility ends: {}", count, e.toString());
        }
    }

    /**
     * The rows are written: the pending copies learn their outcomes (if Redis cannot be told now, they answer PENDING
     * while MySQL does not answer, and expire later).
     */
    private void resolvePendingCopies(Map<BookingId, StoredBooking.Status> states) {
        try {
            pending.resolved(states);
        } catch (RuntimeException e) {
            log.debug(
                    "pending copies of {} resolved bookings not told their outcomes: {}", states.size(), e.toString());
        }
    }

    private Optional<AcceptedBooking> parse(String body) {
        try {
            BookingConfirmationMessage message = reader.readValue(body);
            Optional<AcceptedBooking> booking = message == null ? Optional.empty() : message.booking();
            if (booking.isPresent()) {
                return booking;
            }
            log.error("incomplete booking confirmation left for the DLQ: {}", abbreviate(body));
        } catch (JacksonException e) {
            log.error("unreadable booking confirmation left for the DLQ: {}", abbreviate(body));
        }
        return Optional.empty();
    }

    private static String abbreviate(String body) {
        return body == null ? "null" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
