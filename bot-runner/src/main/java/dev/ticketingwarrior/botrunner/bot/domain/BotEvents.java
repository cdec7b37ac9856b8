package dev.ticketingwarrior.botrunner.bot.domain;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;

/** What the fleet reports about its bots: metrics and the cross-instance per-round statistics listen here. */
public interface BotEvents {

    /** A bot started playing, {@code lag} after its scheduled start. */
    void launched(RoundId round, Duration lag);

    /** A bot's first request (queue entry) went out, {@code lag} after its scheduled start. */
    void entered(RoundId round, Duration lag);

    void admitted(RoundId round);

    void finished(RoundId round, BotOutcome outcome);
}
