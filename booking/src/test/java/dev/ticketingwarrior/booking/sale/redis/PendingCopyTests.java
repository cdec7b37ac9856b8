package dev.ticketingwarrior.booking.sale.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class PendingCopyTests {

    /** As the services' own mapper: strict about unknown properties. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Instant OPEN = Instant.parse("2026-11-24T10:15:00Z");

    private static AcceptedBooking booking(Optional<PlayerId> player) {
        return new AcceptedBooking(
                BookingId.next(new RoundId("20261124T101500Z")),
                "A-1",
                "t-1",
                "nick",
                false,
                7,
                OPEN,
                OPEN.plusMillis(100),
                OPEN.plusMillis(200),
                OPEN.plusMillis(300),
                OPEN.plusMillis(400),
                player);
    }

    private static Optional<AcceptedBooking> readBack(String json) {
        return PendingCopy.reader(JSON).<PendingCopy>readValue(json).booking();
    }

    @Test
    void readsBackTheBookingItKept() {
        AcceptedBooking human = booking(Optional.of(PlayerId.of("nick", "s".repeat(43))));
        AcceptedBooking bot = booking(Optional.empty());

        assertThat(readBack(JSON.writeValueAsString(PendingCopy.of(human)))).contains(human);
        assertThat(JSON.writeValueAsString(PendingCopy.of(bot))).doesNotContain("playerId");
        assertThat(readBack(JSON.writeValueAsString(PendingCopy.of(bot)))).contains(bot);
    }

    /** A copy an instance of another version wrote during a deploy: an extra field is passed over. */
    @Test
    void aFieldItDoesNotKnowIsPassedOver() {
        AcceptedBooking kept = booking(Optional.empty());
        String newer = JSON.writeValueAsString(PendingCopy.of(kept)).replaceFirst("\\{", "{\"addedLater\":1,");

        assertThat(readBack(newer)).contains(kept);
    }

    @Test
    void aCopyMissingAFieldOrWithoutARoundIsNoBooking() {
        String json = JSON.writeValueAsString(PendingCopy.of(booking(Optional.empty())));

        assertThat(readBack(json.replace("\"seatId\":\"A-1\",", ""))).isEmpty();
        assertThat(readBack(json.replace("20261124T101500Z", "not-a-round"))).isEmpty();
    }

    /**
     * A copy as the version before this one wrote it (the SQS message's JSON, field for field): read during a rolling
     * deploy, and written again under the same names, which is what lets the two versions read each other's copies.
     */
    private static final String WRITTEN_BEFORE = """
            {"bookingId":"20261124T101500Z-abcdefghij0123456789kl","roundId":"20261124T101500Z","seatId":"A-1",\
            "ticketId":"t-1","nickname":"nick","bot":false,"fencingToken":7,"roundOpenedAt":"2026-11-24T10:15:00Z",\
            "enteredAt":"2026-11-24T10:15:00.100Z","admittedAt":"2026-11-24T10:15:00.200Z",\
            "heldAt":"2026-11-24T10:15:00.300Z","bookedAt":"2026-11-24T10:15:00.400Z"}""";

    @Test
    void readsACopyThePreviousVersionWroteAndWritesItUnderTheSameNames() {
        AcceptedBooking kept = readBack(WRITTEN_BEFORE).orElseThrow();

        assertThat(kept.id().value()).isEqualTo("20261124T101500Z-abcdefghij0123456789kl");
        assertThat(kept.seatId()).isEqualTo("A-1");
        assertThat(kept.fencingToken()).isEqualTo(7);
        assertThat(kept.bookedAt()).isEqualTo(OPEN.plusMillis(400));
        assertThat(kept.playerId()).isEmpty();
        assertThat(JSON.readTree(JSON.writeValueAsString(PendingCopy.of(kept))))
                .isEqualTo(JSON.readTree(WRITTEN_BEFORE));
    }
}
