package dev.ticketingwarrior.booking.confirmation.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.confirmation.domain.AcceptedBooking;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BookingConfirmationMessageTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant OPEN = Instant.parse("2026-11-24T10:15:00Z");

    private final AcceptedBooking booking = new AcceptedBooking(
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
            Optional.empty());

    @Test
    void itsReaderPassesOverAFieldANewerVersionAdded() {
        // the services' own mapper refuses unknown properties (spring.jackson...fail-on-unknown-properties)
        JsonMapper strict = JsonMapper.builder()
                .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        String newer = JSON.writeValueAsString(BookingConfirmationMessage.of(booking))
                .replaceFirst("\\{", "{\"addedLater\":1,");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> strict.readValue(newer, BookingConfirmationMessage.class))
                .isInstanceOf(tools.jackson.databind.DatabindException.class);
        assertThat(BookingConfirmationMessage.reader(strict)
                        .<BookingConfirmationMessage>readValue(newer)
                        .booking())
                .contains(booking);
    }

    /** A field wider than its column could never be written: poison, left for the DLQ, not a batch stuck for good. */
    @Test
    void aMessageWhoseFieldsDoNotFitTheRowIsNoBooking() {
        BookingConfirmationMessage message = BookingConfirmationMessage.of(booking);

        assertThat(with(message, message.roundId(), "A-" + "1".repeat(15), "nick")
                        .booking())
                .isEmpty();
        assertThat(with(message, message.roundId(), "A-" + "1".repeat(14), "nick")
                        .booking())
                .isPresent();
        String fortyKorean = "가".repeat(40);
        assertThat(with(message, message.roundId(), "A-1", fortyKorean).booking())
                .as("40 characters, 120 bytes")
                .isPresent();
        assertThat(with(message, message.roundId(), "A-1", fortyKorean + "a").booking())
                .isEmpty();
    }

    @Test
    void carriesTheBookingFlatUnderTheFieldNamesOfTheQueue() {
        JsonNode json = JSON.readTree(JSON.writeValueAsString(BookingConfirmationMessage.of(booking)));
        List<String> fields = new ArrayList<>(json.propertyNames());
        assertThat(fields)
                .containsExactly(
                        "bookingId",
                        "roundId",
                        "seatId",
                        "ticketId",
                        "nickname",
                        "bot",
                        "fencingToken",
                        "roundOpenedAt",
                        "enteredAt",
                        "admittedAt",
                        "heldAt",
                        "bookedAt");
        assertThat(json.path("bookingId").asString()).isEqualTo(booking.id().value());
        assertThat(json.path("roundId").asString()).isEqualTo("20261124T101500Z");
    }

    @Test
    void readsBackTheSameBooking() {
        String body = JSON.writeValueAsString(BookingConfirmationMessage.of(booking));
        assertThat(JSON.readValue(body, BookingConfirmationMessage.class).booking())
                .contains(booking);
    }

    @Test
    void carriesThePlayerLastAndOnlyWhenKnown() {
        PlayerId kim = PlayerId.of("nick", "a-device-secret-of-22-chars");
        AcceptedBooking ofKim = withPlayer(booking, Optional.of(kim));

        String body = JSON.writeValueAsString(BookingConfirmationMessage.of(ofKim));

        JsonNode json = JSON.readTree(body);
        assertThat(new ArrayList<>(json.propertyNames())).last().isEqualTo("playerId");
        assertThat(json.path("playerId").asString()).isEqualTo(kim.value());
        assertThat(JSON.readValue(body, BookingConfirmationMessage.class).booking())
                .contains(ofKim);
    }

    @Test
    void aMessageWithoutThePlayerOrWithAMalformedOneIsABookingOfNoKnownPlayer() {
        String before = JSON.writeValueAsString(BookingConfirmationMessage.of(booking));
        assertThat(before).doesNotContain("playerId");
        assertThat(JSON.readValue(before, BookingConfirmationMessage.class).booking())
                .map(AcceptedBooking::playerId)
                .contains(Optional.empty());

        String forged = before.replace("}", ",\"playerId\":\"not an id\"}");
        assertThat(JSON.readValue(forged, BookingConfirmationMessage.class).booking())
                .as("the booking stands, without the player")
                .contains(booking);
    }

    @Test
    void aMessageMissingAFieldOrARoundIsNoBooking() {
        BookingConfirmationMessage message = BookingConfirmationMessage.of(booking);
        assertThat(with(message, null, message.seatId(), message.nickname()).booking())
                .isEmpty();
        assertThat(with(message, "not-a-round-id!!", message.seatId(), message.nickname())
                        .booking())
                .isEmpty();
    }

    @Test
    void aMessageWhoseBookingIdIsMalformedOrOfAnotherRoundIsNoBooking() {
        BookingConfirmationMessage message = BookingConfirmationMessage.of(booking);
        String json = JSON.writeValueAsString(message);

        assertThat(JSON.readValue(json.replace(message.bookingId(), "b-1"), BookingConfirmationMessage.class)
                        .booking())
                .as("not a booking id")
                .isEmpty();
        assertThat(with(message, "20261124T101600Z", message.seatId(), message.nickname())
                        .booking())
                .as("a round id, but not the booking id's")
                .isEmpty();
        assertThat(with(message, message.roundId(), message.seatId(), message.nickname())
                        .booking())
                .contains(booking);
    }

    private static AcceptedBooking withPlayer(AcceptedBooking b, Optional<PlayerId> player) {
        return new AcceptedBooking(
                b.id(),
                b.seatId(),
                b.ticketId(),
                b.nickname(),
                b.bot(),
                b.fencingToken(),
                b.roundOpenedAt(),
                b.enteredAt(),
                b.admittedAt(),
                b.heldAt(),
                b.bookedAt(),
                player);
    }

    /** {@code m} with these round id, seat id and nickname. */
    private static BookingConfirmationMessage with(
            BookingConfirmationMessage m, String roundId, String seatId, String nickname) {
        return new BookingConfirmationMessage(
                m.bookingId(),
                roundId,
                seatId,
                m.ticketId(),
                nickname,
                m.bot(),
                m.fencingToken(),
                m.roundOpenedAt(),
                m.enteredAt(),
                m.admittedAt(),
                m.heldAt(),
                m.bookedAt(),
                m.playerId());
    }
}
