package dev.ticketingwarrior.admission.queue.web;

import dev.ticketingwarrior.admission.config.AdmissionProperties;
import dev.ticketingwarrior.admission.queue.domain.TicketId;
import dev.ticketingwarrior.edge.limit.Budget;
import dev.ticketingwarrior.edge.limit.LimitDecision;
import dev.ticketingwarrior.edge.limit.LimitKeys;
import dev.ticketingwarrior.edge.limit.LocalFirstBudgets;
import dev.ticketingwarrior.edge.limit.ReactiveBudgets;
import dev.ticketingwarrior.edge.limit.TooManyRequests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The per-client limits on a ticket's status polls and event streams. A client is its address, except for bots with a
 * valid key: every bot of a bot-runner shares its address, so bots are counted per ticket only (each bot has its own,
 * and the per-ticket bound applies to everyone). The address is counted first, so a flood of made-up ticket ids
 * stops before it names many per-ticket counters.
 *
 * <p>Polls are spent on this instance first ({@link LocalFirstBudgets}): a player polling at the web app's pace never
 * reaches Valkey, and one polling past the local allowance is counted there across instances.
 *
 * <p>A limiter that does not answer lets the request through: the status and the stream read the same Redis, so a
 * store that is down already answers 503 there, and a second refusal on top would only double the errors.
 */
@Component
final class TicketLimits {

    private static final Logger log = LoggerFactory.getLogger(TicketLimits.class);

    /** A full stream budget frees when a stream ends, which no window tells: a few seconds is a fair hint. */
    private static final Duration STREAM_RETRY = Duration.ofSeconds(5);

    private final ReactiveBudgets budgets;
    private final LocalFirstBudgets pollBudgets;
    private final Budget pollsPerClient;
    private final Budget pollsPerTicket;
    private final int streamsPerClient;
    private final int streamsPerTicket;
    private final Duration streamTtl;

    TicketLimits(ReactiveBudgets budgets, LocalFirstBudgets pollBudgets, AdmissionProperties properties) {
        AdmissionProperties.Limits limits = properties.limits();
        this.budgets = budgets;
        this.pollBudgets = pollBudgets;
        this.pollsPerClient = limits.pollsPerClient().budget();
        this.pollsPerTicket = limits.pollsPerTicket().budget();
        this.streamsPerClient = limits.streamsPerClient();
        this.streamsPerTicket = limits.streamsPerTicket();
        this.streamTtl = limits.streamTtl();
    }

    /** Spends a status poll: 429 when the client's or the ticket's budget is spent. */
    Mono<Void> poll(String client, boolean bot, TicketId ticket) {
        return poll(client, bot, Optional.of(ticket));
    }

    /**
     * Spends a status poll of the client for an id that is no ticket id at all, whose answer is a 404 (for the status
     * or the stream): ids made up by the thousand are limited like any poll, a bot's too (it has no ticket to be
     * counted by). 429 when the client's budget is spent.
     */
    Mono<Void> pollOfNoTicket(String client) {
        return poll(client, false, Optional.empty());
    }

    private Mono<Void> poll(String client, boolean bot, Optional<TicketId> ticket) {
        Mono<LimitDecision> perClient =
                bot ? Mono.just(LimitDecision.ALLOWED) : spend(LimitKeys.key("polls", client), pollsPerClient);
        return perClient
                .flatMap(decision -> decision instanceof LimitDecision.Allowed && ticket.isPresent()
                        ? spend(LimitKeys.key("ticket-polls", ticket.get().value()), pollsPerTicket)
                        : Mono.just(decision))
                .flatMap(decision -> switch (decision) {
                    case LimitDecision.Allowed allowed -> Mono.<Void>empty();
                    case LimitDecision.Limited limited ->
                        Mono.error(TooManyRequests.problem("Too many status requests; retry later.", limited));
                });
    }

    private Mono<LimitDecision> spend(String key, Budget budget) {
        return pollBudgets.spend(key, budget).onErrorResume(e -> {
            log.debug("poll limit not checked, letting the request through: {}", e.toString());
            return Mono.just(LimitDecision.ALLOWED);
        });
    }

    /**
     * Takes a stream slot of the client (unless a bot) and of the ticket: the slots taken, to give back with
     * {@link #release} when the stream ends; 429 (nothing kept) when either is full.
     */
    Mono<List<String>> openStream(String client, boolean bot, TicketId ticket) {
        List<Slot> wanted = new ArrayList<>();
        if (!bot) {
            wanted.add(new Slot(LimitKeys.key("streams", client), streamsPerClient));
        }
        wanted.add(new Slot(LimitKeys.key("ticket-streams", ticket.value()), streamsPerTicket));
        List<String> taken = new ArrayList<>();
        return Flux.fromIterable(wanted)
                .concatMap(slot -> budgets.takeSlot(slot.key(), slot.of(), streamTtl)
                        .map(ok -> ok ? Taking.TAKEN : Taking.FULL)
                        .onErrorResume(e -> {
                            log.debug("stream limit not checked, letting the stream through: {}", e.toString());
                            return Mono.just(Taking.MAYBE_TAKEN);
                        })
                        .flatMap(taking -> switch (taking) {
                            case TAKEN, MAYBE_TAKEN -> {
                                taken.add(slot.key());
                                yield Mono.just(slot);
                            }
                            case FULL ->
                                release(taken)
                                        .then(Mono.<Slot>error(TooManyRequests.problem(
                                                "Too many open event streams; close one or poll the status.",
                                                STREAM_RETRY)));
                        }))
                .then(Mono.fromSupplier(() -> List.copyOf(taken)));
    }

    /** Gives stream slots back; never fails (a slot not given back frees itself after the stream TTL). */
    Mono<Void> release(List<String> slots) {
        return Flux.fromIterable(List.copyOf(slots))
                .concatMap(key -> budgets.releaseSlot(key).onErrorResume(e -> {
                    log.debug("stream slot {} not given back: {}", key, e.toString());
                    return Mono.empty();
                }))
                .then();
    }

    private record Slot(String key, int of) {}

    private enum Taking {
        TAKEN,
        FULL,
        /**
         * The take did not answer in time, and may have counted all the same (it runs when Valkey catches up): given
         * back when the stream ends, like a slot taken. A slot kept for its TTL would shut the ticket's streams for
         * ten minutes after three such takes; one given back that was never counted lets one stream more for a while.
         */
        MAYBE_TAKEN
    }
}
