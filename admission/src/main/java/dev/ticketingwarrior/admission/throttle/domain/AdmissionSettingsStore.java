package dev.ticketingwarrior.admission.throttle.domain;

import java.util.Optional;
import reactor.core.publisher.Mono;

/** Where the global admission settings live, shared by every admission instance. */
public interface AdmissionSettingsStore {

    /** The stored settings, empty when ops never changed the defaults. */
    Mono<Optional<AdmissionSettings>> load();

    Mono<Void> save(AdmissionSettings settings);
}
