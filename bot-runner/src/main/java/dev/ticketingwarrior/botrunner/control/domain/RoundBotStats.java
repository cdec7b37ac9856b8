package dev.ticketingwarrior.botrunner.control.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.util.Map;

/** What the bots of one round did, over every instance. */
public record RoundBotStats(
        RoundId round, long launched, long admitted, long booked, long lost, long cancelled, long errors) {

    public static RoundBotStats of(RoundId round, Map<StatField, Long> counts) {
        return new RoundBotStats(
                round,
                counts.getOrDefault(StatField.LAUNCHED, 0L),
                counts.getOrDefault(StatField.ADMITTED, 0L),
                counts.getOrDefault(StatField.BOOKED, 0L),
                counts.getOrDefault(StatField.LOST, 0L),
                counts.getOrDefault(StatField.CANCELLED, 0L),
                counts.getOrDefault(StatField.ERRORS, 0L));
    }
}
