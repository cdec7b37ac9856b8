package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.debrief.domain.AdmissionRecords;
import dev.ticketingwarrior.booking.debrief.domain.ArchivedAttempts;
import dev.ticketingwarrior.booking.debrief.domain.AttemptArchiver;
import dev.ticketingwarrior.booking.debrief.domain.AttemptRecorder;
import dev.ticketingwarrior.booking.debrief.domain.Debriefs;
import dev.ticketingwarrior.booking.debrief.domain.KeptOutcomes;
import dev.ticketingwarrior.booking.debrief.domain.LiveAttempts;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.edge.task.BackgroundTask;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Debriefs and history (SPEC §12), wired by hand so the domain packages stay free of Spring. */
@Configuration(proxyBeanMethods = false)
class DebriefConfiguration {

    @Bean
    AttemptRecorder attemptRecorder(
            LiveAttempts live, RoundClock clock, RoundRetention retention, MeterRegistry meters) {
        return new AttemptRecorder(live, clock, retention, meters);
    }

    @Bean
    Debriefs debriefs(
            LiveAttempts live,
            ArchivedAttempts archive,
            AdmissionRecords admission,
            KeptOutcomes kept,
            RoundClock clock,
            RoundRetention retention,
            BookingProperties properties) {
        return new Debriefs(
                live,
                archive,
                admission,
                kept,
                clock,
                retention,
                properties.debrief().roundCache());
    }

    @Bean
    AttemptArchiver attemptArchiver(
            LiveAttempts live,
            ArchivedAttempts archive,
            RoundClock clock,
            RoundRetention retention,
            BookingProperties properties,
            MeterRegistry meters) {
        BookingProperties.Debrief debrief = properties.debrief();
        return new AttemptArchiver(
                live, archive, clock, retention, debrief.archiveGrace(), debrief.archiveLease(), meters);
    }

    /** Every {@code ticketing.debrief.archive-every}, on every instance (one claims each round). */
    @Bean
    BackgroundTask attemptArchive(AttemptArchiver archiver, BookingProperties properties) {
        return BackgroundTask.every(
                "attempt-archive",
                properties.debrief().archiveEvery(),
                archiver::archive,
                "round attempts not archived",
                DependencyUnavailableException.class::isInstance);
    }
}
