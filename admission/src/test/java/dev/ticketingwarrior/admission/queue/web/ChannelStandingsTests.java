package dev.ticketingwarrior.admission.queue.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.queue.domain.TicketId;
import dev.ticketingwarrior.admission.queue.domain.TicketStatus;
import dev.ticketingwarrior.admission.queue.domain.TicketView;
import dev.ticketingwarrior.shared.round.RoundId;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The bytes a plain stream's socket gets: each standing as the frame Spring's server-sent-events writer would send. */
class ChannelStandingsTests {

    private static final RoundId ROUND = RoundId.parse("20310101T000000Z").orElseThrow();
    private static final TicketId TICKET = new TicketId(ROUND, "20310101T000000Z-7-" + "0123456789abcdef01234567");
    private static final String JSON_TICKET =
            "{\"ticketId\":\"20310101T000000Z-7-0123456789abcdef01234567\"," + "\"roundId\":\"20310101T000000Z\",";

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicReference<Throwable> failed = new AtomicReference<>();
    private final AtomicReference<Throwable> endedInError = new AtomicReference<>();
    private ChannelStandings standings;

    ChannelStandingsTests() {
        Mono.<Void>create(sink -> standings =
                        new ChannelStandings(channel, JsonMapper.builder().build(), sink, failed::set))
                .doOnSuccess(ignored -> done.set(true))
                .subscribe(ignored -> {}, endedInError::set);
    }

    @Test
    void endsTheStreamAfterItsEventsWhenTheStandingsFailAndSaysWhy() {
        assertThat(standings.hear(view(TicketStatus.WAITING, 3, 2L, null))).isTrue();
        IllegalStateException storeDown = new IllegalStateException("waiting room store is unavailable");

        standings.fail(storeDown);

        // ended, not failed: Reactor Netty would log a failed response at ERROR with its stack trace, one per stream
        assertThat(done).isTrue();
        assertThat(endedInError).hasNullValue();
        assertThat(failed).hasValue(storeDown);
        assertThat(written()).startsWith("event:position\n");
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void writesAPositionAsAnEventWithTheStandingAsData() {
        assertThat(standings.hear(view(TicketStatus.WAITING, 3, 2L, null))).isTrue();

        assertThat(written())
                .isEqualTo("event:position\ndata:" + JSON_TICKET
                        + "\"status\":\"WAITING\",\"position\":3,\"ahead\":2,\"waiting\":10,\"ratePerSecond\":1.5,"
                        + "\"etaSeconds\":2}\n\n");
        assertThat(done).isFalse();
    }

    @Test
    void writesTheSameStandingAgainAsAHeartbeatEvent() {
        TicketView waiting = view(TicketStatus.WAITING, 3, 2L, null);
        standings.hear(waiting);
        written();

        standings.hear(waiting);

        assertThat(written())
                .isEqualTo("event:heartbeat\ndata:" + JSON_TICKET
                        + "\"status\":\"WAITING\",\"position\":3,\"ahead\":2,\"waiting\":10,\"ratePerSecond\":1.5,"
                        + "\"etaSeconds\":2}\n\n");
    }

    @Test
    void writesAdmittedWithItsTokenAndEndsTheStream() {
        String token = "eyJhbGciOiJFUzI1NiJ9." + "x".repeat(400) + ".sig";

        assertThat(standings.hear(view(TicketStatus.ADMITTED, 0, 0L, token))).isTrue();

        assertThat(written())
                .isEqualTo("event:admitted\ndata:" + JSON_TICKET
                        + "\"status\":\"ADMITTED\",\"position\":0,\"ahead\":0,\"waiting\":10,\"ratePerSecond\":1.5,"
                        + "\"etaSeconds\":0,\"token\":\"" + token + "\"}\n\n");
        assertThat(done).isTrue();
    }

    @Test
    void writesClosedWithANullEtaAndEndsTheStream() {
        standings.hear(view(TicketStatus.CLOSED, 3, null, null));

        assertThat(written())
                .isEqualTo("event:closed\ndata:" + JSON_TICKET
                        + "\"status\":\"CLOSED\",\"position\":3,\"ahead\":2,\"waiting\":10,\"ratePerSecond\":1.5,"
                        + "\"etaSeconds\":null}\n\n");
        assertThat(done).isTrue();
    }

    /** The one chunk written since the last call, as text. */
    private String written() {
        HttpContent chunk = channel.readOutbound();
        assertThat(channel.outboundMessages()).isEmpty();
        try {
            return chunk.content().toString(StandardCharsets.UTF_8);
        } finally {
            chunk.release();
        }
    }

    private static TicketView view(TicketStatus status, long position, Long eta, String token) {
        return new TicketView(TICKET, ROUND, status, 7, position, Math.max(0, position - 1), 10, 1.5, eta, token);
    }
}
