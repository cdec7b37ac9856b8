package dev.ticketingwarrior.botrunner.control.web;

import dev.ticketingwarrior.botrunner.config.BotRunnerProperties;
import dev.ticketingwarrior.botrunner.control.domain.BotControl;
import dev.ticketingwarrior.botrunner.control.domain.BotSettings;
import dev.ticketingwarrior.botrunner.control.domain.BotStatsStore;
import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.edge.secret.Credentials;
import dev.ticketingwarrior.edge.secret.OpsAuthorization;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ops control of the bots (SPEC §6): settings every instance applies live, and per-round statistics. The ops token
 * is required per method, not on the class: springdoc adds a method's security requirements to the class's, so a
 * class-level one could not be taken off the public view.
 */
@RestController
@RequestMapping(value = "/api/v1/bots", produces = MediaType.APPLICATION_JSON_VALUE)
class BotsController {

    /** How long a change that lost to many others at once is told to wait: they come from people, not a loop. */
    private static final Duration RETRY_BUSY = Duration.ofSeconds(1);

    private final BotControl control;
    private final BotStatsStore stats;
    private final RoundClock rounds;
    private final OpsAuthorization ops;
    private final int recentRounds;
    private final ClientAddressResolver clients;

    BotsController(
            BotControl control,
            BotStatsStore stats,
            RoundClock rounds,
            Credentials credentials,
            BotRunnerProperties properties,
            ClientAddressResolver clients) {
        this.control = control;
        this.stats = stats;
        this.rounds = rounds;
        this.ops = new OpsAuthorization(credentials);
        this.recentRounds = properties.bots().statsRecentRounds();
        this.clients = clients;
    }

    @Operation(summary = "The bot settings in force for every instance", description = "401 without the ops token")
    @SecurityRequirement(name = "ops")
    @GetMapping
    Mono<BotSettingsResponse> settings(ServerHttpRequest request) {
        ops.check(authorization(request));
        return control.settings().map(BotSettingsResponse::of);
    }

    @Operation(
            summary = "What players are up against: whether bots run, how many per round and how hard",
            description = "No token: the home screen shows the difficulty. Nothing here helps anyone beat the bots."
                    + " 429 rate-limited (with Retry-After) past the address's budget of reads.")
    @SecurityRequirements
    @GetMapping("/public")
    Mono<PublicBotsResponse> publicView() {
        return control.settings().map(PublicBotsResponse::of);
    }

    @Operation(
            summary = "Change the bot settings",
            description = "Any subset of {enabled, perRound, difficulty, cancelProbability}; the rest stays. Applies to"
                    + " every instance within a second; perRound from the next round. 400 invalid-request, 401; 503 (with"
                    + " Retry-After) when other changes kept landing while this one was made, and nothing was stored.")
    @SecurityRequirement(name = "ops")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<BotSettingsResponse> change(@Valid @RequestBody Mono<BotSettingsRequest> body, ServerHttpRequest request) {
        ops.check(authorization(request));
        String actor = actor(request);
        return body.switchIfEmpty(Mono.error(
                        () -> ProblemException.of(ProblemType.INVALID_REQUEST, "A settings object is required.")))
                .flatMap(change -> control.change(change.toChange(), actor))
                .map(outcome -> switch (outcome) {
                    case BotControl.Change.Made(BotSettings settings) -> BotSettingsResponse.of(settings);
                    case BotControl.Change.Invalid(List<String> problems) ->
                        throw ProblemException.of(
                                ProblemType.INVALID_REQUEST, String.join("; ", problems), "errors", problems);
                    case BotControl.Change.Busy(int tries) ->
                        throw ProblemException.retryAfter(
                                ProblemType.SERVICE_UNAVAILABLE,
                                "the bot settings changed " + tries + " times while this change was being made;"
                                        + " nothing of it was stored, please retry",
                                RETRY_BUSY);
                });
    }

    @Operation(
            summary = "Per-round bot statistics, over every instance",
            description = "The current round and the most recent ones: launched, admitted, booked, lost (no seat by"
                    + " the close), cancelled (취소표), errors. 401 without the ops token.")
    @SecurityRequirement(name = "ops")
    @GetMapping("/stats")
    Mono<BotStatsResponse> stats(ServerHttpRequest request) {
        ops.check(authorization(request));
        Round current = rounds.current();
        return Flux.range(0, recentRounds + 1)
                .map(back ->
                        rounds.roundAt(current.opensAt().minus(rounds.period().multipliedBy(back))))
                .concatMap(round -> stats.read(round.id()).map(counts -> BotStatsResponse.RoundStats.of(round, counts)))
                .collectList()
                .map(BotStatsResponse::new);
    }

    /**
     * The one {@code Authorization} value; sent twice it counts as none (401): which of the two a proxy and this
     * service would each read is not something to leave to chance.
     */
    private static String authorization(ServerHttpRequest request) {
        List<String> values = request.getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
        return values.size() == 1 ? values.get(0) : null;
    }

    /**
     * The audit name of an ops caller: where the call came from as the rate limits see it (the viewer's address behind
     * CloudFront), never the token.
     */
    private String actor(ServerHttpRequest request) {
        return "ops@" + clients.resolve(request.getRemoteAddress(), request.getHeaders());
    }
}
