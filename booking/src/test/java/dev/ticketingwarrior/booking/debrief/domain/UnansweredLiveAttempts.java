package dev.ticketingwarrior.booking.debrief.domain;

import dev.ticketingwarrior.booking.player.domain.PlayerId;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A {@link LiveAttempts} that answers nothing: a test's fake overrides the calls its test makes. */
class UnansweredLiveAttempts implements LiveAttempts {

    @Override
    public void record(RoundId round, Entrant entrant, Event event, Duration retention) {
        throw new UnsupportedOperationException("record");
    }

    @Override
    public Optional<PlayerId> bindFromAdmission(Attempt attempt, Duration retention) {
        throw new UnsupportedOperationException("bindFromAdmission");
    }

    @Override
    public List<Attempt> ofPlayer(List<RoundId> rounds, PlayerId player) {
        throw new UnsupportedOperationException("ofPlayer");
    }

    @Override
    public boolean archiveStarted(RoundId round) {
        throw new UnsupportedOperationException("archiveStarted");
    }

    @Override
    public Optional<Attempt> find(RoundId round, String ticketId) {
        throw new UnsupportedOperationException("find");
    }

    @Override
    public List<Attempt> ofRound(RoundId round) {
        throw new UnsupportedOperationException("ofRound");
    }

    @Override
    public Optional<Long> entered(RoundId round) {
        throw new UnsupportedOperationException("entered");
    }

    @Override
    public boolean claimArchive(RoundId round, Duration lease) {
        throw new UnsupportedOperationException("claimArchive");
    }

    @Override
    public void archived(RoundId round, Duration retention) {
        throw new UnsupportedOperationException("archived");
    }

    @Override
    public void erase(RoundId round, PlayerId player) {
        throw new UnsupportedOperationException("erase");
    }
}
