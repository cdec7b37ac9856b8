package dev.ticketingwarrior.admission.config;

import dev.ticketingwarrior.admission.admin.domain.AdmissionAdmin;
import dev.ticketingwarrior.admission.queue.domain.QueueMetrics;
import dev.ticketingwarrior.admission.queue.domain.QueueService;
import dev.ticketingwarrior.admission.queue.domain.ServingTicker;
import dev.ticketingwarrior.admission.queue.domain.TokenMinter;
import dev.ticketingwarrior.admission.queue.domain.WaitingRoom;
import dev.ticketingwarrior.admission.ratelimit.web.ClientAddressResolver;
import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettingsStore;
import dev.ticketingwarrior.admission.throttle.domain.CurrentSettings;
import dev.ticketingwarrior.shared.round.RoundClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain services, wired by hand so the domain packages stay free of Spring. */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

    @Bean
    CurrentSettings currentSettings(AdmissionSettingsStore store, AdmissionProperties properties) {
        AdmissionProperties.Defaults defaults = properties.admission().defaults();
        return new CurrentSettings(
                store,
                new AdmissionSettings(
                        defaults.ratePerSecond(), defaults.openBatch(), defaults.maxActive(), defaults.paused()),
                properties.admission().settingsRefresh());
    }

    @Bean
    BackgroundTask settingsRefresh(CurrentSettings settings) {
        return new BackgroundTask(settings::start, settings::stop);
    }

    @Bean
    ServingTicker servingTicker(
            WaitingRoom waitingRoom,
            RoundClock roundClock,
            CurrentSettings settings,
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
            CurrentSettings settings,
            TokenMinter tokens,
            ServingTicker ticker,
            QueueMetrics metrics) {
        return new QueueService(waitingRoom, roundClock, settings, tokens, ticker, metrics);
    }

    @Bean
    AdmissionAdmin admissionAdmin(
            AdmissionSettingsStore store,
            CurrentSettings settings,
            WaitingRoom waitingRoom,
            RoundClock roundClock,
            AdmissionProperties properties) {
        return new AdmissionAdmin(
                store, settings, waitingRoom, roundClock, properties.admission().statsRecentRounds());
    }

    @Bean
    ClientAddressResolver clientAddressResolver(AdmissionProperties properties) {
        return new ClientAddressResolver(properties.rateLimit().trustedProxies());
    }
}
