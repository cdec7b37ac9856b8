package dev.ticketingwarrior.botrunner.bot.domain;

import java.util.Objects;

/**
 * How fast a bot is: its reaction at the open (time to press "enter queue"), its think time on the seat map (time to
 * pick a seat) and its time to solve the security letter (보안문자).
 */
public record TimingProfile(LogNormal reaction, LogNormal think, LogNormal solve) {

    public TimingProfile {
        Objects.requireNonNull(reaction, "reaction");
        Objects.requireNonNull(think, "think");
        Objects.requireNonNull(solve, "solve");
    }
}
