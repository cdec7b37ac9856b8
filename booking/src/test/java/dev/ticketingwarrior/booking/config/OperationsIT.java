package dev.ticketingwarrior.booking.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.edge.api.ApiDocuments;
import org.junit.jupiter.api.Test;

/** Probes, metrics and the API description are served. */
class OperationsIT {

    private final BookingStack world = BookingStack.get();
    private final Api api = world.api(world.first());

    @Test
    void servesLivenessReadinessPrometheusAndOpenApi() {
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
        Api.Response readiness = api.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
        world.freshRound();
        api.get("/api/v1/leaderboard?period=day");
        Api.Response metrics = api.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("resilience4j_circuitbreaker_state");
        Api.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/rounds/{roundId}/holds", "/api/v1/bookings");
        assertThat(ApiDocuments.check("booking", docs.body())).isEmpty();
        assertThat(api.get("/swagger-ui.html").status()).isIn(200, 302);
    }
}
