package dev.ticketingwarrior.admission.queue.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.queue.domain.TicketId;
import dev.ticketingwarrior.admission.queue.domain.TicketStatus;
import dev.ticketingwarrior.admission.queue.domain.TicketView;
import dev.ticketingwarrior.shared.round.RoundId;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;

class StandingEventsTests {

    private static final RoundId ROUND = RoundId.parse("20310101T000000Z").orElseThrow();
    private static final TicketId TICKET = new TicketId(ROUND, "20310101T000000Z-7-" + "0".repeat(24));

    private final StandingEvents events = new StandingEvents();

    @Test
    void namesEachStandingByItsStatus() {
        assertThat(events.apply(view(TicketStatus.WAITING, 3)).event()).isEqualTo("position");
        assertThat(events.apply(view(TicketStatus.ADMITTED, 0)).event()).isEqualTo("admitted");
        assertThat(new StandingEvents().apply(view(TicketStatus.CLOSED, 3)).event())
                .isEqualTo("closed");
    }

    @Test
    void sendsTheStandingItSentLastAgainAsAHeartbeat() {
        TicketView waiting = view(TicketStatus.WAITING, 3);

        ServerSentEvent<TicketResponse> first = events.apply(waiting);
        ServerSentEvent<TicketResponse> repeat = events.apply(waiting);

        assertThat(first.event()).isEqualTo("position");
        assertThat(repeat.event()).isEqualTo(StandingEvents.HEARTBEAT);
        assertThat(repeat.data()).isEqualTo(first.data());
        assertThat(repeat.comment()).isNull();
    }

    @Test
    void sendsAnEqualButNewStandingAsAnEvent() {
        // only the very standing LiveStandings repeats is a heartbeat; an equal one from a new tick is news
        events.apply(view(TicketStatus.WAITING, 3));

        assertThat(events.apply(view(TicketStatus.WAITING, 3)).event()).isEqualTo("position");
    }

    private static TicketView view(TicketStatus status, long position) {
        return new TicketView(TICKET, ROUND, status, 7, position, Math.max(0, position - 1), 10, 5.0, 1L, null);
    }
}
