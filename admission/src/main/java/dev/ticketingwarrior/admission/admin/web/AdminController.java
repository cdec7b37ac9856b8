package dev.ticketingwarrior.admission.admin.web;

import dev.ticketingwarrior.admission.admin.domain.AdmissionAdmin;
import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.secret.Credentials;
import dev.ticketingwarrior.edge.secret.OpsAuthorization;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Ops admin API (SPEC §4): bearer ops token, compared in constant time; 401 problem otherwise. */
@RestController
@RequestMapping(value = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@SecurityRequirement(name = "ops")
class AdminController {

    private final AdmissionAdmin admin;
    private final OpsAuthorization ops;
    private final ClientAddressResolver clients;

    AdminController(AdmissionAdmin admin, Credentials credentials, ClientAddressResolver clients) {
        this.admin = admin;
        this.ops = new OpsAuthorization(credentials);
        this.clients = clients;
    }

    @Operation(summary = "The admission settings new rounds start with")
    @GetMapping("/admission")
    Mono<AdmissionSettingsRequest> settings(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return authorized(authorization).then(admin.settings()).map(AdmissionSettingsRequest::of);
    }

    @Operation(summary = "Change the admission settings, live on every instance and the running round (audited)")
    @PutMapping(value = "/admission", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<AdmissionSettingsRequest> change(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @Valid @RequestBody Mono<AdmissionSettingsRequest> body,
            ServerHttpRequest request) {
        return authorized(authorization)
                .then(body)
                .flatMap(settings -> admin.change(settings.toSettings(), caller(request)))
                .map(AdmissionSettingsRequest::of);
    }

    @Operation(summary = "Per-round counts: entered, admitted, waiting, active, bots vs humans, achieved rate")
    @GetMapping("/stats")
    Mono<StatsResponse> stats(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return authorized(authorization)
                .then(admin.stats())
                .map(stats -> new StatsResponse(
                        stats.at(),
                        stats.currentRound().id().value(),
                        stats.current()
                                .map(StatsResponse.RoundStatsResponse::of)
                                .orElse(null),
                        stats.recent().stream()
                                .map(StatsResponse.RoundStatsResponse::of)
                                .toList()));
    }

    private Mono<Void> authorized(String authorization) {
        return Mono.fromRunnable(() -> ops.check(authorization));
    }

    /** The audit name of the caller: its address as the rate limits see it (the viewer's behind CloudFront). */
    private String caller(ServerHttpRequest request) {
        return clients.resolve(request.getRemoteAddress(), request.getHeaders());
    }
}
