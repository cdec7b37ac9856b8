package dev.ticketingwarrior.admission.admin.web;

import dev.ticketingwarrior.admission.admin.domain.AdmissionAdmin;
import dev.ticketingwarrior.admission.throttle.domain.AdmissionSettings;
import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.edge.problem.Problems;
import dev.ticketingwarrior.edge.secret.Credentials;
import dev.ticketingwarrior.edge.secret.OpsAuthorization;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

    @Operation(
            summary = "The admission settings new rounds start with",
            description = "The ETag names these settings: send it back as If-Match to change them only if nobody has"
                    + " since.")
    @ApiResponse(
            responseCode = "200",
            description = "The settings",
            headers = @Header(name = HttpHeaders.ETAG, description = "names these settings, for If-Match"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AdmissionSettingsRequest.class)))
    @GetMapping("/admission")
    Mono<ResponseEntity<AdmissionSettingsRequest>> settings(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return authorized(authorization).then(admin.settings()).map(AdminController::withTag);
    }

    @Operation(
            summary = "Change the admission settings, live on every instance and the running round (audited)",
            description = "With If-Match (the ETag of a GET or of the last change), only if the settings are still"
                    + " those: else 412 settings-changed, whose `current` member and ETag are the settings in force."
                    + " Without If-Match the change is made whatever the settings are.")
    @ApiResponse(
            responseCode = "200",
            description = "Changed",
            headers = @Header(name = HttpHeaders.ETAG, description = "names the new settings"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = AdmissionSettingsRequest.class)))
    @ApiResponse(
            responseCode = "412",
            description = "settings-changed: someone changed them after the If-Match was read. A problem whose member"
                    + " `current` holds the settings in force ({ratePerSecond, openBatch, maxActive, paused}); nothing"
                    + " was changed",
            headers = @Header(name = HttpHeaders.ETAG, description = "names the settings in force"),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PutMapping(value = "/admission", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> change(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody Mono<AdmissionSettingsRequest> body,
            ServerHttpRequest request) {
        return authorized(authorization)
                .then(body)
                .flatMap(settings -> ifMatch == null
                        ? admin.change(settings.toSettings(), caller(request), Optional.empty())
                        : admin.settings()
                                .flatMap(now -> names(ifMatch, now)
                                        ? admin.change(settings.toSettings(), caller(request), Optional.of(now))
                                        : Mono.just(new AdmissionAdmin.Change.Stale(now))))
                .map(change -> switch (change) {
                    case AdmissionAdmin.Change.Made made -> withTag(made.settings());
                    case AdmissionAdmin.Change.Stale stale -> changedSince(stale.current());
                });
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

    /**
     * Whether {@code ifMatch} names {@code settings}: {@code *}, or a list of tags that holds theirs. A tag a proxy
     * weakened on the way ({@code W/"…"}, as CloudFront does to what it compresses) still names them.
     */
    private static boolean names(String ifMatch, AdmissionSettings settings) {
        String tag = tag(settings);
        return Arrays.stream(ifMatch.split(","))
                .map(String::strip)
                .map(named -> named.startsWith("W/") ? named.substring(2) : named)
                .anyMatch(named -> named.equals("*") || named.equals(tag));
    }

    private static ResponseEntity<AdmissionSettingsRequest> withTag(AdmissionSettings settings) {
        return ResponseEntity.ok().eTag(tag(settings)).body(AdmissionSettingsRequest.of(settings));
    }

    private static ResponseEntity<ProblemDetail> changedSince(AdmissionSettings current) {
        ProblemDetail problem = Problems.detail(
                ProblemType.SETTINGS_CHANGED,
                "The admission settings changed after the If-Match was read; `current` holds those in force now.");
        problem.setProperty("current", AdmissionSettingsRequest.of(current));
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(tag(current))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A strong tag of the settings' values: the same settings always have the same tag, on every instance. */
    static String tag(AdmissionSettings settings) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256")
                    .digest(AdmissionSettingsRequest.of(settings).toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        return "\"" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
    }

    private Mono<Void> authorized(String authorization) {
        return Mono.fromRunnable(() -> ops.check(authorization));
    }

    /** The audit name of the caller: its address as the rate limits see it (the viewer's behind CloudFront). */
    private String caller(ServerHttpRequest request) {
        return clients.resolve(request.getRemoteAddress(), request.getHeaders());
    }
}
