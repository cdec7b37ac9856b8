package dev.ticketingwarrior.botrunner.support;

import dev.ticketingwarrior.botrunner.bot.domain.BotEvents;
import dev.ticketingwarrior.botrunner.bot.domain.BotOutcome;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Bot events kept in memory for assertions. */
public final class RecordingEvents implements BotEvents {

    public final List<Duration> launches = new CopyOnWriteArrayList<>();
    public final List<Duration> entries = new CopyOnWriteArrayList<>();
    public final List<RoundId> admissions = new CopyOnWriteArrayList<>();
    public final List<BotOutcome> outcomes = new CopyOnWriteArrayList<>();

    @Override
    public void launched(RoundId round, Duration lag) {
        launches.add(lag);
    }

    @Override
    public void entered(RoundId round, Duration lag) {
        entries.add(lag);
    }

    @Override
    public void admitted(RoundId round) {
        admissions.add(round);
    }

    @Override
    public void finished(RoundId round, BotOutcome outcome) {
        outcomes.add(outcome);
    }
}
