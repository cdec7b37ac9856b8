package dev.ticketingwarrior.admission.queue.web;

import dev.ticketingwarrior.admission.queue.domain.LiveStandings;
import dev.ticketingwarrior.admission.queue.domain.QueueService;
import dev.ticketingwarrior.admission.queue.domain.TicketId;
import dev.ticketingwarrior.admission.queue.domain.TicketView;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Opens a ticket's event stream, for the controller and for {@link EventStreamRoute} alike: a place among the
 * instance's streams, the client's and the ticket's stream slots, the first standing, then {@link LiveStandings}; the
 * place and the slots are given back when the stream ends however it ends.
 */
@Component
final class TicketStreams {

    private final QueueService queue;
    private final LiveStandings standings;
    private final TicketLimits limits;
    private final StreamCapacity capacity;

    TicketStreams(QueueService queue, LiveStandings standings, TicketLimits limits, StreamCapacity capacity) {
        this.queue = queue;
        this.standings = standings;
        this.limits = limits;
        this.capacity = capacity;
    }

    /**
     * The events of {@code ticket}'s stream, for the controller: see {@link #open}.
     */
    Mono<Flux<ServerSentEvent<TicketResponse>>> events(String client, boolean bot, TicketId ticket) {
        return open(client, bot, ticket)
                .map(stream -> standings
                        .watch(stream.first())
                        .map(new StandingEvents())
                        // cancelled (the client left), completed or failed: the place and slots are free
                        .doFinally(signal -> stream.close()));
    }

    /**
     * A stream of {@code ticket} that may begin, once it may: 503 (with Retry-After) when the instance holds as many
     * streams as it can, 429 when the client or the ticket has its share open, 404 for a ticket no round issued. The
     * first standing is read before the stream begins, so each of those is a plain problem answer. The stream holds
     * its place and slots until {@link Opened#close()}.
     */
    Mono<Opened> open(String client, boolean bot, TicketId ticket) {
        Optional<StreamCapacity.Place> place = capacity.enter();
        if (place.isEmpty()) {
            return Mono.error(TicketStreams::full);
        }
        StreamCapacity.Place held = place.get();
        return limits.openStream(client, bot, ticket)
                .flatMap(slots -> queue.status(ticket)
                        .map(first -> new Opened(first, held, slots))
                        .switchIfEmpty(Mono.error(TicketStreams::unknownTicket))
                        .onErrorResume(e -> limits.release(slots).then(Mono.error(e))))
                // refused (limits, unknown ticket) or given up before the stream began: the place is free again
                .doOnError(e -> held.leave())
                .doOnCancel(held::leave);
    }

    /** A stream allowed to begin, with its first standing; {@link #close()} gives its place and slots back. */
    final class Opened {

        private final TicketView first;
        private final StreamCapacity.Place place;
        private final List<String> slots;

        private Opened(TicketView first, StreamCapacity.Place place, List<String> slots) {
            this.first = first;
            this.place = place;
            this.slots = slots;
        }

        TicketView first() {
            return first;
        }

        /** Its standings, told to {@code listener} on {@code home}, until the returned watch is disposed. */
        Disposable watch(Executor home, LiveStandings.Listener listener) {
            return standings.watch(first, home, listener);
        }

        /** The stream ended however it ended: its place and slots are free. */
        void close() {
            place.leave();
            limits.release(slots).subscribe();
        }
    }

    static ProblemException unknownTicket() {
        return ProblemException.of(ProblemType.UNKNOWN_TICKET, "No such ticket.");
    }

    private static ProblemException full() {
        return ProblemException.retryAfter(
                ProblemType.SERVICE_UNAVAILABLE,
                "This instance holds as many live streams as it can; poll the status instead.",
                Duration.ofSeconds(5));
    }
}
