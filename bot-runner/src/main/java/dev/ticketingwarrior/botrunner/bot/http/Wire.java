package dev.ticketingwarrior.botrunner.bot.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The JSON the bots send and read, as the admission and booking services define it (SPEC §4, §5). */
final class Wire {

    private Wire() {}

    record EnterRequest(String nickname) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entered(String ticketId, String roundId, long position, long waiting) {}

    /** A ticket's standing, polled or carried by each server-sent event. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TicketStatus(String ticketId, String roundId, String status, long position, String token) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeatMapBody(String roundId, int rows, int columns, List<SeatBody> seats) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeatBody(String id, String row, int number, String grade, String status) {}

    record HoldRequest(String seatId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Held(String holdId, String seatId, String expiresAt) {}

    record BookingRequest(String holdId) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record BookingAccepted(String bookingId, String status, String seatId) {}

    /** An RFC 9457 problem; only its type's last segment (the slug) matters to a bot. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Problem(String type, Integer status, String detail) {

        String slug() {
            if (type == null) {
                return "";
            }
            int slash = type.lastIndexOf('/');
            return slash < 0 ? type : type.substring(slash + 1);
        }
    }
}
