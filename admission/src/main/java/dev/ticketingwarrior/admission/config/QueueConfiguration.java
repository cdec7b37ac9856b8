package dev.ticketingwarrior.admission.config;

import dev.ticketingwarrior.admission.admin.domain.AdmissionAdmin;
import dev.ticketingwarrior.admission.queue.domain.EntryLimit;
import dev.ticketingwarrior.admission.queue.domain.LiveStandings;
import dev.ticketingwarrior.admission.queue.domain.QueueMetrics;
import dev.ticketingwarrior.admission.queue.domain.QueueService;
import dev.ticketingwarrior.admission.queue.domain.ServingTicker;
import dev.ticketingwarrior.admission.queue.domain.TokenMinter;
import dev.ticketingwarrior.admission.queue.domain.WaitingRoom;
import dev.ticketingwarrior.admission.queue.web.StreamCapacity;
import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.edge.settings.SettingsStore;
import dev.ticketingwarrior.edge.settings.redis.RedisHashSettingsStore;
import dev.ticketingwarrior.edge.task.BackgroundTask;
import dev.ticketingwarrior.shared.player.Nicknames;
import dev.ticketingwarrior.shared.round.RoundClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.scheduler.Schedulers;

/** The domain services, wired by hand so the domain packages stay free of Spring. */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

    /** The global settings, not round-scoped: they seed every new round. */
    @Bean
    SettingsStore<AdmissionSettings> settingsStore(ReactiveStringRedisTemplate redis, AdmissionProperties properties) {
        AdmissionProperties.Admission admission = properties.admission();
        return new RedisHashSettingsStore<>(
                redis, admission.settingsKey(), AdmissionSettings.class, admission.redisTimeout(), "settings store");
    }

    @Bean
    LiveSettings<AdmissionSettings> currentSettings(
            SettingsStore<AdmissionSettings> store, AdmissionProperties properties) {
        AdmissionProperties.Defaults defaults = properties.admission().defaults();
        return new LiveSettings<>(
                "admission settings",
                store,
                new AdmissionSettings(
                        defaults.ratePerSecond(), defaults.openBatch(), defaults.maxActive(), defaults.paused()));
    }

    @Bean
    BackgroundTask settingsRefresh(LiveSettings<AdmissionSettings> settings, AdmissionProperties properties) {
        return new BackgroundTask(
                () -> settings.start(properties.admission().settingsRefresh(), Schedulers.parallel()), settings::stop);
    }

    @Bean
    ServingTicker servingTicker(
            WaitingRoom waitingRoom,
            RoundClock roundClock,
            LiveSettings<AdmissionSettings> settings,
            QueueMetrics metrics,
            AdmissionProperties properties) {
        return new ServingTicker(
                waitingRoom,
                roundClock,
                settings,
                metrics,
                properties.admission().tick());
    }

    @Bean
    BackgroundTask servingTicks(ServingTicker ticker) {
        return new BackgroundTask(ticker::start, ticker::stop);
    }

    @Bean
    QueueService queueService(
            WaitingRoom waitingRoom,
            RoundClock roundClock,
            LiveSettings<AdmissionSettings> settings,
            TokenMinter tokens,
            ServingTicker ticker,
            QueueMetrics metrics,
            AdmissionProperties properties) {
        AdmissionProperties.RateLimit limit = properties.rateLimit();
        Nicknames.loadUnicodeData();
        return new QueueService(
                waitingRoom,
                roundClock,
                settings,
                tokens,
                ticker,
                metrics,
                new EntryLimit(limit.entries(), limit.window()));
    }

    /**
     * Every live stream of this instance, each told of a tick on its own home thread (a plain stream's: its
     * connection's event loop); the one {@code live-standings} thread runs the timers and homes the controller's
     * streams.
     */
    @Bean
    LiveStandings liveStandings(QueueService queue, ServingTicker ticker, AdmissionProperties properties) {
        return new LiveStandings(
                queue,
                ticker,
                Schedulers.newSingle("live-standings", true),
                properties.admission().sseKeepAlive());
    }

    @Bean
    BackgroundTask liveStandingsFeed(LiveStandings standings) {
        return new BackgroundTask(standings::start, standings::stop);
    }

    /** The most streams this instance holds, whichever way they are opened (the controller or its own route). */
    @Bean
    StreamCapacity streamCapacity(AdmissionProperties properties) {
        return new StreamCapacity(properties.admission().maxStreams());
    }

    @Bean
    AdmissionAdmin admissionAdmin(
            LiveSettings<AdmissionSettings> settings,
            WaitingRoom waitingRoom,
            RoundClock roundClock,
            QueueMetrics metrics,
            AdmissionProperties properties) {
        return new AdmissionAdmin(
                settings,
                waitingRoom,
                roundClock,
                metrics,
                properties.admission().statsRecentRounds());
    }

    @Bean
    ClientAddressResolver clientAddressResolver(AdmissionProperties properties) {
        return properties.rateLimit().clientAddressResolver();
    }
}
