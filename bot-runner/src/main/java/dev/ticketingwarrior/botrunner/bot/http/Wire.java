package dev.ticketingwarrior.botrunner.bot.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The JSON the bots send and read, as the admission and booking services define it (SPEC §4, §5). */
final class Wire {

    private Wire() {}

    /**
     * A request body of one string field, written by hand: the bodies bots send are that small, and a Jackson
     * generator per request was an eighth of everything the runner allocated in the open's burst.
     */
    static String object(String field, String value) {
        StringBuilder json = new StringBuilder(field.length() + value.length() + 8)
                .append("{\"")
                .append(field);
        json.append("\":\"");
        return escaped(json, value).append("\"}").toString();
    }

    /**
     * The queue entry's body: the nickname, and the entry key that makes a repeat of this entry (its answer lost) the
     * same ticket. The key is the bot's own, of letters and digits only.
     */
    static String entry(String nickname, String entryKey) {
        StringBuilder json = new StringBuilder(nickname.length() + entryKey.length() + 32).append("{\"nickname\":\"");
        return escaped(json, nickname)
                .append("\",\"entryKey\":\"")
                .append(entryKey)
                .append("\"}")
                .toString();
    }

    private static StringBuilder escaped(StringBuilder json, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entered(String ticketId, String roundId, long position, long waiting) {}

    /** A ticket's standing, polled or carried by each server-sent event. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TicketStatus(String ticketId, String roundId, String status, long position, String token) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeatMapBody(String roundId, int rows, int columns, List<SeatBody> seats) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeatBody(String id, String row, int number, String grade, String status) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Held(String holdId, String seatId, String expiresAt) {}

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
