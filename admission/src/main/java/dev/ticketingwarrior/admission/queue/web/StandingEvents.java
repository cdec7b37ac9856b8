package dev.ticketingwarrior.admission.queue.web;

import dev.ticketingwarrior.admission.queue.domain.LiveStandings;
import dev.ticketingwarrior.admission.queue.domain.TicketView;
import java.util.function.Function;
import org.springframework.http.codec.ServerSentEvent;

/**
 * One stream's standings as server-sent events: {@code position}, then {@code admitted} (with the token) or
 * {@code closed}. The standing {@link LiveStandings} repeats when a stream heard nothing new for a while becomes a
 * {@code heartbeat} event carrying that standing again: a player held at the same position (a paused round, a slow
 * rate) gets no news for a long time, and proxies with an idle read timeout (CloudFront's 30 s to the origin, the
 * ALB's 60 s) would cut the stream. A named event, unlike a comment line, is seen by a browser's {@code EventSource},
 * so a client can tell a live but quiet stream from a half-open connection that will never speak again: a live one
 * beats at least every keep-alive period. One per stream, applied in order.
 */
final class StandingEvents implements Function<TicketView, ServerSentEvent<TicketResponse>> {

    static final String HEARTBEAT = "heartbeat";

    private TicketView last;

    @Override
    public ServerSentEvent<TicketResponse> apply(TicketView view) {
        boolean repeat = view == last;
        last = view;
        String name = repeat
                ? HEARTBEAT
                : switch (view.status()) {
                    case WAITING -> "position";
                    case ADMITTED -> "admitted";
                    case CLOSED -> "closed";
                };
        return ServerSentEvent.builder(TicketResponse.of(view)).event(name).build();
    }
}
