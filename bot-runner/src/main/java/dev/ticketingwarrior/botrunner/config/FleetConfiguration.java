package dev.ticketingwarrior.botrunner.config;

import dev.ticketingwarrior.botrunner.bot.domain.Bot;
import dev.ticketingwarrior.botrunner.bot.domain.BotEvents;
import dev.ticketingwarrior.botrunner.bot.domain.PlayerApi;
import dev.ticketingwarrior.botrunner.bot.domain.SeatPreference;
import dev.ticketingwarrior.botrunner.control.domain.BotControl;
import dev.ticketingwarrior.botrunner.control.domain.BotSettings;
import dev.ticketingwarrior.botrunner.control.domain.BotStatsStore;
import dev.ticketingwarrior.botrunner.control.domain.FleetTelemetry;
import dev.ticketingwarrior.botrunner.fleet.domain.BotNames;
import dev.ticketingwarrior.botrunner.fleet.domain.FleetMembership;
import dev.ticketingwarrior.botrunner.fleet.domain.FleetScheduler;
import dev.ticketingwarrior.botrunner.fleet.domain.LaunchSlots;
import dev.ticketingwarrior.botrunner.fleet.domain.RoundLauncher;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.edge.settings.SettingsStore;
import dev.ticketingwarrior.edge.settings.redis.RedisHashSettingsStore;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** Wires the fleet: settings, the bot, the launcher and the scheduler, started and stopped with the application. */
@Configuration(proxyBeanMethods = false)
class FleetConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FleetConfiguration.class);

    /** Timers only: every wait of every bot is a timer on this scheduler, no thread is ever parked. */
    @Bean
    Scheduler fleetTimer() {
        return Schedulers.parallel();
    }

    /**
     * The bots' launches, on a thread of their own: thousands of bots start within a second of the open, each at its
     * moment, and on the shared timer threads a launch would wait behind every other bot's pending timer.
     */
    @Bean(destroyMethod = "dispose")
    Scheduler botLaunches() {
        return Schedulers.newSingle("bot-launch", true);
    }

    /** The one set of bot settings every instance shares. */
    @Bean
    SettingsStore<BotSettings> botSettingsStore(ReactiveStringRedisTemplate redis, BotRunnerProperties properties) {
        BotRunnerProperties.Bots bots = properties.bots();
        return new RedisHashSettingsStore<>(
                redis, bots.namespace() + ":settings", BotSettings.class, bots.redisTimeout(), "bot settings store");
    }

    @Bean
    LiveSettings<BotSettings> currentSettings(SettingsStore<BotSettings> store, BotRunnerProperties properties) {
        BotRunnerProperties.Bots bots = properties.bots();
        return new LiveSettings<>(
                "bot settings",
                store,
                new BotSettings(bots.enabled(), bots.perRound(), bots.difficulty(), bots.cancelProbability()));
    }

    @Bean
    BotControl botControl(LiveSettings<BotSettings> currentSettings) {
        return new BotControl(currentSettings);
    }

    @Bean
    FleetTelemetry botEvents(BotStatsStore stats, MeterRegistry registry) {
        return new FleetTelemetry(stats, registry);
    }

    @Bean
    Bot bot(PlayerApi api, BotEvents events, Scheduler fleetTimer, BotRunnerProperties properties) {
        return new Bot(
                api,
                new SeatPreference(properties.bots().seatJitter()),
                events,
                fleetTimer,
                properties.bots().maxSeatAttempts());
    }

    @Bean
    RoundLauncher roundLauncher(Clock clock, Scheduler botLaunches, Scheduler fleetTimer, BotEvents events) {
        return new RoundLauncher(clock, botLaunches, fleetTimer, events);
    }

    @Bean
    FleetScheduler fleetScheduler(
            RoundClock rounds,
            FleetMembership membership,
            LaunchSlots slots,
            LiveSettings<BotSettings> currentSettings,
            Bot bot,
            RoundLauncher launcher,
            Scheduler fleetTimer,
            BotRunnerProperties properties,
            MeterRegistry registry) {
        SecureRandom random = new SecureRandom();
        BotNames names = BotNames.random(random);
        BotRunnerProperties.Bots bots = properties.bots();
        FleetScheduler fleet = new FleetScheduler(
                names.tag() + "-" + UUID.randomUUID().toString().substring(0, 8),
                rounds,
                membership,
                slots,
                currentSettings,
                bot,
                launcher,
                names,
                new FleetScheduler.Timing(
                        bots.tick(),
                        bots.heartbeat(),
                        bots.sweepAfter(),
                        bots.prepareAhead(),
                        bots.collectBeforeOpen()),
                fleetTimer,
                random.nextLong(),
                FleetConfiguration::collectBeforeOpen);
        Gauge.builder("ticketing.bots.running", fleet, FleetScheduler::running)
                .description("Bots of this instance launched and not finished yet")
                .register(registry);
        return fleet;
    }

    /**
     * A collection a few seconds before an open with bots: the bots' launches of the open's first seconds then meet
     * an empty young generation, and the first collection comes after them rather than in the middle of the burst
     * (a young pause there can take as long as the launch-lag budget allows). On G1 with {@code
     * -XX:+ExplicitGCInvokesConcurrent} this is a young pause and a concurrent cycle; otherwise a full collection,
     * still seconds before the open.
     */
    @SuppressWarnings("java:S1215") // the one deliberate System.gc(): its timing is the point
    private static void collectBeforeOpen(Round round) {
        long started = System.nanoTime();
        System.gc();
        log.info(
                "round {}: collected garbage before the open in {} ms",
                round.id(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @Bean
    SmartLifecycle fleetLifecycle(
            FleetScheduler fleet,
            FleetTelemetry telemetry,
            LiveSettings<BotSettings> currentSettings,
            Scheduler fleetTimer,
            BotRunnerProperties properties) {
        return new SmartLifecycle() {
            private Disposable statsFlush;

            // default phase: started last, stopped first, while the Redis connection is still there

            @Override
            public synchronized void start() {
                currentSettings.start(properties.bots().settingsRefresh(), fleetTimer);
                statsFlush = telemetry.startFlushing(properties.bots().statsFlush(), fleetTimer);
                fleet.start();
            }

            @Override
            public synchronized void stop() {
                fleet.stop(properties.bots().redisTimeout());
                if (statsFlush != null) {
                    statsFlush.dispose();
                    statsFlush = null;
                    // what the cut-off bots counted last
                    telemetry
                            .flush()
                            .timeout(properties.bots().redisTimeout())
                            .onErrorComplete()
                            .block();
                }
                currentSettings.stop();
            }

            @Override
            public synchronized boolean isRunning() {
                return currentSettings.isStarted();
            }
        };
    }
}
