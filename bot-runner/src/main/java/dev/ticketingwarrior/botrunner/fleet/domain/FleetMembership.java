package dev.ticketingwarrior.botrunner.fleet.domain;

import java.util.List;
import reactor.core.publisher.Mono;

/** Which bot-runner instances are alive: each one heartbeats; a missed heartbeat drops it after a short while. */
public interface FleetMembership {

    /** Records that {@code instanceId} is alive and answers every live instance id (sorted). */
    Mono<List<String>> heartbeat(String instanceId);

    /** Leaves at once (a clean shutdown), so the others do not wait for the heartbeat to lapse. */
    Mono<Void> leave(String instanceId);
}
