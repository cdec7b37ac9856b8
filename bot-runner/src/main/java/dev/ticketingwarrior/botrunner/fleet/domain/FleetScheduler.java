package dev.ticketingwarrior.botrunner.fleet.domain;

import dev.ticketingwarrior.botrunner.bot.domain.Bot;
import dev.ticketingwarrior.botrunner.bot.domain.BotPlan;
import dev.ticketingwarrior.botrunner.bot.domain.TimingProfile;
import dev.ticketingwarrior.botrunner.control.domain.BotSettings;
import dev.ticketingwarrior.edge.log.RepeatedWarnings;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The fleet's clockwork, one per instance. Every tick it heartbeats (when due) and looks at the clock. From {@code
 * prepareAhead} before a round opens, while the bots are enabled, it claims its fair share of {@code perRound} among
 * the live instances, plans one bot per granted slot — started at the open plus the bot's reaction time — and gets
 * the bots ready (a player has the page loaded before the open, so the open's burst is the game's, not a connection
 * storm). From {@code sweepAfter} after the open until the close it claims a piece of whatever is still unclaimed,
 * started at once when its moment has passed; an instance that missed the lead (started late) claims its share at the
 * open. Since slots are claimed atomically against one per-round counter, the bots of all instances together are
 * exactly {@code perRound}, however many instances there are and whenever they come and go. {@link RoundLauncher}
 * keeps every bot inside its round: none starts before the open or after the close.
 */
public final class FleetScheduler {

    private static final Logger log = LoggerFactory.getLogger(FleetScheduler.class);

    /** A store down fails every tick: one line every 10 s, with how many it stands for. */
    private final RepeatedWarnings failedTicks = new RepeatedWarnings(log);

    /**
     * How often the fleet looks at the clock and heartbeats, how long before the open it claims and prepares its
     * share ({@code ZERO}: at the open), when the sweep of unclaimed slots starts, and how long before an open with
     * bots of this instance it calls its {@code beforeOpen} hook ({@code ZERO}: never).
     */
    public record Timing(
            Duration tick, Duration heartbeat, Duration sweepAfter, Duration prepareAhead, Duration settleAhead) {

        public Timing {
            Objects.requireNonNull(tick, "tick");
            Objects.requireNonNull(heartbeat, "heartbeat");
            Objects.requireNonNull(sweepAfter, "sweepAfter");
            Objects.requireNonNull(prepareAhead, "prepareAhead");
            Objects.requireNonNull(settleAhead, "settleAhead");
            if (prepareAhead.isNegative() || settleAhead.isNegative()) {
                throw new IllegalArgumentException("prepareAhead and settleAhead must be >= 0");
            }
        }
    }

    private final String instanceId;
    private final RoundClock rounds;
    private final FleetMembership membership;
    private final LaunchSlots slots;
    private final LiveSettings<BotSettings> settings;
    private final Bot bot;
    private final RoundLauncher launcher;
    private final BotNames names;
    private final Timing timing;
    private final Scheduler timer;
    private final SplittableRandom seeds;
    private final Consumer<Round> beforeOpen;

    private final Map<RoundId, RoundState> states = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private volatile List<String> members = List.of();
    private volatile Instant lastHeartbeat = Instant.EPOCH;
    private Disposable loop;

    /**
     * @param beforeOpen called once per round, {@code settleAhead} before its open, when this instance has bots
     *     planned for it: the moment to get the process itself ready for the burst
     */
    public FleetScheduler(
            String instanceId,
            RoundClock rounds,
            FleetMembership membership,
            LaunchSlots slots,
            LiveSettings<BotSettings> settings,
            Bot bot,
            RoundLauncher launcher,
            BotNames names,
            Timing timing,
            Scheduler timer,
            long seed,
            Consumer<Round> beforeOpen) {
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        this.rounds = Objects.requireNonNull(rounds, "rounds");
        this.membership = Objects.requireNonNull(membership, "membership");
        this.slots = Objects.requireNonNull(slots, "slots");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bot = Objects.requireNonNull(bot, "bot");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.names = Objects.requireNonNull(names, "names");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.seeds = new SplittableRandom(seed);
        this.beforeOpen = Objects.requireNonNull(beforeOpen, "beforeOpen");
    }

    public synchronized void start() {
        if (loop != null && !loop.isDisposed()) {
            return;
        }
        log.info("bot fleet instance {} (nicknames bot-{}-*) started", instanceId, names.tag());
        loop = Flux.interval(Duration.ZERO, timing.tick(), timer)
                .onBackpressureDrop()
                .concatMap(i -> tick().doOnSuccess(done -> failedTicks.cleared("tick", "fleet ticks again"))
                        .onErrorResume(e -> {
                            failedTicks.warn("tick", "fleet tick failed, retrying next tick: {}", e.toString());
                            return Mono.empty();
                        }))
                .subscribe();
    }

    /** Stops planning, cuts off this instance's running bots and leaves the membership at once. */
    public synchronized void stop(Duration leaveTimeout) {
        if (loop != null) {
            loop.dispose();
        }
        states.values().forEach(state -> state.bots.dispose());
        states.clear();
        membership
                .leave(instanceId)
                .timeout(leaveTimeout)
                .doOnError(e -> log.warn("could not leave the fleet membership: {}", e.toString()))
                .onErrorComplete()
                .block();
        log.info("bot fleet instance {} stopped", instanceId);
    }

    public String instanceId() {
        return instanceId;
    }

    /** Bots of this instance launched and not finished yet. */
    public int running() {
        return running.get();
    }

    Mono<Void> tick() {
        Instant now = rounds.now();
        Mono<Void> heartbeat = Duration.between(lastHeartbeat, now).compareTo(timing.heartbeat()) >= 0
                ? membership
                        .heartbeat(instanceId)
                        .doOnNext(live -> {
                            members = live;
                            lastHeartbeat = now;
                        })
                        .then()
                : Mono.empty();
        return heartbeat
                .then(Mono.defer(() -> claim(now)))
                .then(Mono.defer(() -> prepareNext(now)))
                .then(Mono.fromRunnable(() -> settleBeforeOpen(now)));
    }

    /** Once per round with bots of this instance planned, {@code settleAhead} (or less) before its open. */
    private void settleBeforeOpen(Instant now) {
        if (timing.settleAhead().isZero()) {
            return;
        }
        Round next = rounds.nextAfter(now);
        RoundState state = states.get(next.id());
        if (state == null
                || state.planned == 0
                || state.settled
                || now.isBefore(next.opensAt().minus(timing.settleAhead()))) {
            return;
        }
        state.settled = true;
        beforeOpen.accept(next);
    }

    private Mono<Void> claim(Instant now) {
        Round round = rounds.roundAt(now);
        // bots never outlive their round, so an earlier round's state holds nothing that still runs
        states.keySet().removeIf(id -> id.compareTo(round.id()) < 0);
        BotSettings current = settings.get();
        if (!round.isOpenAt(now) || !current.enabled() || current.perRound() == 0) {
            return Mono.empty();
        }
        RoundState state = states.computeIfAbsent(round.id(), id -> new RoundState());
        if (state.exhausted) {
            return Mono.empty();
        }
        if (now.isBefore(round.opensAt().plus(timing.sweepAfter()))) {
            // normally claimed ahead (prepareNext); this is an instance that started or was enabled too late for that
            return claimFairShare(round, state, current, now);
        }
        return claim(round, state, current, Integer.MAX_VALUE, Math.max(1, members.size()), now);
    }

    /** From {@code prepareAhead} before the next round's open: its fair share, planned and made ready in advance. */
    private Mono<Void> prepareNext(Instant now) {
        if (timing.prepareAhead().isZero()) {
            return Mono.empty();
        }
        Round next = rounds.nextAfter(now);
        BotSettings current = settings.get();
        if (now.isBefore(next.opensAt().minus(timing.prepareAhead()))
                || !current.enabled()
                || current.perRound() == 0) {
            return Mono.empty();
        }
        return claimFairShare(next, states.computeIfAbsent(next.id(), id -> new RoundState()), current, now);
    }

    private Mono<Void> claimFairShare(Round round, RoundState state, BotSettings current, Instant now) {
        if (state.fairShareClaimed) {
            return Mono.empty();
        }
        state.fairShareClaimed = true;
        return claim(round, state, current, FairShare.share(current.perRound(), members, instanceId), 1, now);
    }

    private Mono<Void> claim(Round round, RoundState state, BotSettings current, int wanted, int divisor, Instant now) {
        if (wanted == 0) {
            return Mono.empty();
        }
        return slots.claim(round.id(), wanted, divisor, current.perRound())
                .doOnNext(claim -> {
                    if (claim.remaining() == 0) {
                        state.exhausted = true;
                    }
                    if (claim.granted() > 0) {
                        state.planned += claim.granted();
                        state.bots.add(launch(round, claim, current, now));
                        if (now.isBefore(round.opensAt())) {
                            state.bots.add(bot.prepare(claim.granted(), round.opensAt())
                                    .doOnError(e -> log.info(
                                            "round {}: getting {} bots ready failed: {}",
                                            round.id(),
                                            claim.granted(),
                                            e.toString()))
                                    .onErrorComplete()
                                    .subscribe());
                        }
                    }
                })
                .then();
    }

    private Disposable launch(Round round, SlotClaim claim, BotSettings current, Instant now) {
        TimingProfile profile = current.difficulty().profile();
        List<BotPlan> plans = new ArrayList<>(claim.granted());
        for (int i = 0; i < claim.granted(); i++) {
            Instant reacts = round.opensAt().plus(profile.reaction().sample(seeds));
            plans.add(new BotPlan(
                    round,
                    names.nickname(claim.firstSlot() + i),
                    reacts.isBefore(now) ? now : reacts,
                    profile,
                    current.cancelProbability(),
                    seeds.nextLong()));
        }
        log.info(
                "round {}: claimed {} bots (slots {}..{}, {} of {} claimed), difficulty {}",
                round.id(),
                claim.granted(),
                claim.firstSlot(),
                claim.firstSlot() + claim.granted() - 1,
                claim.launched(),
                claim.cap(),
                current.difficulty());
        // one timer walks the sorted plans; each bot gets its own subscription when its moment comes (one flatMap over
        // thousands of bots would scan all its inner subscribers on every signal, O(bots) per bot event)
        return launcher.launchAll(
                plans,
                p -> bot.play(p)
                        .doOnSubscribe(s -> running.incrementAndGet())
                        .doFinally(signal -> running.decrementAndGet()),
                () -> settings.get().enabled());
    }

    /** What this instance did for one round; touched only by the (sequential) tick. */
    private static final class RoundState {
        private volatile boolean fairShareClaimed;
        private volatile boolean exhausted;
        private volatile boolean settled;
        private volatile int planned;
        private final Disposable.Composite bots = Disposables.composite();
    }
}
