package dev.ticketingwarrior.admission.queue.domain;

import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Entry and standing of waiting-room tickets (SPEC §4); their live updates are {@link LiveStandings}. */
public final class QueueService {

    private final WaitingRoom waitingRoom;
    private final RoundClock roundClock;
    private final LiveSettings<AdmissionSettings> settings;
    private final TokenMinter tokens;
    private final ServingTicker ticker;
    private final QueueMetrics metrics;
    private final EntryLimit entryLimit;

    public QueueService(
            WaitingRoom waitingRoom,
            RoundClock roundClock,
            LiveSettings<AdmissionSettings> settings,
            TokenMinter tokens,
            ServingTicker ticker,
            QueueMetrics metrics,
            EntryLimit entryLimit) {
        this.waitingRoom = Objects.requireNonNull(waitingRoom, "waitingRoom");
        this.roundClock = Objects.requireNonNull(roundClock, "roundClock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.entryLimit = Objects.requireNonNull(entryLimit, "entryLimit");
    }

    /**
     * Enters the current round, if it is OPEN by the server's clock, within {@code client}'s entry limit (bots have
     * none). {@code claim} carries the client's proofs that a nickname's ticket is its own (the ticket id it was given,
     * the entry key it entered with): the only ways back to a nickname's ticket.
     */
    public Mono<EntryResult> enter(Nickname nickname, Claim claim, boolean bot, String client) {
        Instant now = roundClock.now();
        Round round = roundClock.roundAt(now);
        if (!round.isOpenAt(now)) {
            return Mono.just(
                    new EntryResult.RoundNotOpen(roundClock.nextAfter(now).opensAt()));
        }
        return waitingRoom
                .enter(
                        round,
                        nickname,
                        claim,
                        bot,
                        client,
                        bot ? Optional.empty() : Optional.of(entryLimit),
                        RoundSeal.candidate(),
                        now,
                        settings.get())
                .map(entry -> switch (entry) {
                    case WaitingRoom.Entry.Limited limited -> new EntryResult.RateLimited(limited.retryAfter());
                    case WaitingRoom.Entry.Taken taken -> new EntryResult.NicknameTaken();
                    case WaitingRoom.Entry.Placed placed -> {
                        ticker.sawEntries(round.id(), placed.state().entered());
                        yield placed(placed, bot);
                    }
                });
    }

    private EntryResult placed(WaitingRoom.Entry.Placed entry, boolean bot) {
        metrics.admitted(entry.state().newlyAdmitted());
        if (entry.created()) {
            metrics.entered(bot);
        }
        TicketStatus status =
                entry.ticket().queueNumber() <= entry.state().served() ? TicketStatus.ADMITTED : TicketStatus.WAITING;
        TicketView view = TicketView.of(entry.ticket(), entry.state(), status, null);
        return entry.created() ? new EntryResult.Entered(view) : new EntryResult.Resumed(view);
    }

    /**
     * Where a ticket stands now, with its token once admitted; empty for a ticket no round issued. A ticket the
     * counter has not reached is answered from this instance's snapshot of the round, without a Valkey call, when the
     * snapshot can tell (see {@link #unserved}); everything else reads the ticket in Valkey.
     */
    public Mono<TicketView> status(TicketId ticketId) {
        if (!roundClock.isRoundStart(ticketId.roundId())) {
            return Mono.empty();
        }
        Instant now = roundClock.now();
        Round round = roundClock.round(ticketId.roundId());
        if (round.opensAt().isAfter(now)) {
            return Mono.empty();
        }
        Optional<TicketView> unserved = unserved(ticketId, now);
        if (unserved.isPresent()) {
            return Mono.just(unserved.get());
        }
        return waitingRoom
                .standing(round, ticketId, now, settings.get())
                .flatMap(standing -> view(round, standing, now));
    }

    /**
     * A ticket still waiting (or left out at the close), told from the ticker's current snapshot: its seal proves the
     * round gave it its queue number, the counter at {@code now} follows from the snapshot as an advance would make it,
     * and the snapshot's settings are this instance's (after a change the next tick brings the round's new ones).
     * Exact but for {@code waiting}, which counts the entries known at the last tick or made here since.
     */
    private Optional<TicketView> unserved(TicketId ticketId, Instant now) {
        Optional<RoundSnapshot> current = ticker.current(ticketId.roundId());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        RoundSnapshot snapshot = current.get();
        if (snapshot.seal().isEmpty()
                || !snapshot.state().settings().equals(settings.get())
                || (!now.isBefore(snapshot.round().closesAt()) && !snapshot.closed())) {
            return Optional.empty();
        }
        long queueNumber = ticketId.queueNumber();
        OptionalLong served = snapshot.servedAt(now, queueNumber);
        if (served.isEmpty()
                || served.getAsLong() >= queueNumber
                || !snapshot.seal().get().seals(ticketId)) {
            return Optional.empty();
        }
        ServingState state = snapshot.state();
        ServingState atNow =
                new ServingState(served.getAsLong(), Math.max(state.entered(), queueNumber), 0, 0, state.settings());
        TicketStatus status = now.isBefore(snapshot.round().closesAt()) ? TicketStatus.WAITING : TicketStatus.CLOSED;
        return Optional.of(TicketView.unserved(ticketId, queueNumber, atNow, status));
    }

    private Mono<TicketView> view(Round round, WaitingRoom.Standing standing, Instant now) {
        metrics.admitted(standing.state().newlyAdmitted());
        Ticket ticket = standing.ticket();
        if (ticket.queueNumber() <= standing.state().served()) {
            return token(round, standing, now)
                    .map(token -> TicketView.of(ticket, standing.state(), TicketStatus.ADMITTED, token));
        }
        TicketStatus status = now.isBefore(round.closesAt()) ? TicketStatus.WAITING : TicketStatus.CLOSED;
        return Mono.just(TicketView.of(ticket, standing.state(), status, null));
    }

    private Mono<String> token(Round round, WaitingRoom.Standing standing, Instant now) {
        Optional<String> kept = standing.token();
        if (kept.isPresent()) {
            return Mono.just(kept.get());
        }
        // admission is stamped by the script that advanced the counter; the fallback only covers a lost stamp
        Instant admittedAt = standing.admittedAt()
                .orElseGet(() -> earliest(now, round.closesAt().minusMillis(1)));
        // signing is CPU work: on the Redis client's one I/O thread, the many tickets one tick admits would hold every
        // other Valkey answer of the instance behind them, so they are signed on the CPU-bound workers
        return Mono.fromCallable(() -> tokens.mint(standing.ticket(), round, admittedAt))
                .subscribeOn(Schedulers.parallel())
                .flatMap(
                        minted -> waitingRoom.keepToken(round, standing.ticket().id(), minted));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
