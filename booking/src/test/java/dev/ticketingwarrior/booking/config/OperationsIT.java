package dev.ticketingwarrior.booking.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.edge.api.ApiDocuments;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
        JsonNode paths = docs.json().path("paths");
        assertThat(paths.at("/~1api~1v1~1bookings/post/responses").has("202"))
                .as("a booking is answered 202")
                .isTrue();
        assertThat(paths.at("/~1api~1v1~1captcha/post/responses").has("201")).isTrue();
        assertThat(paths.at("/~1api~1v1~1captcha~1{captchaId}/post/responses").has("204"))
                .isTrue();
        assertThat(paths.at("/~1api~1v1~1holds~1{holdId}/delete/responses").has("204"))
                .isTrue();
        List<String> parameters = paths.findValues("parameters").stream()
                .flatMap(list -> list.valueStream())
                .map(parameter -> parameter.path("in").asString() + " "
                        + parameter.path("name").asString())
                .toList();
        assertThat(parameters)
                .as("the player comes from headers, not a query parameter")
                .doesNotContain("query player")
                .contains("header X-Player-Secret", "header X-Bot-Key");
        assertThat(paths.at("/~1api~1v1~1bookings/post/parameters")
                        .valueStream()
                        .filter(parameter -> parameter.path("name").asString().equals("Idempotency-Key"))
                        .map(parameter -> parameter.path("required").asBoolean()))
                .containsExactly(true);
        assertThat(api.get("/swagger-ui.html").status()).isIn(200, 302);
    }
}
