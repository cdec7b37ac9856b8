package dev.ticketingwarrior.admission.config;

import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.client.ClientAddressSettings;
import dev.ticketingwarrior.edge.client.HeaderNameOrEmpty;
import dev.ticketingwarrior.edge.limit.FailedAuthenticationSettings;
import dev.ticketingwarrior.edge.limit.Window;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the admission service can be told (SPEC §2, §4). Bound from {@code ticketing.*} in
 * {@code application.yml}, where each knob maps to its environment variable.
 */
@Validated
@ConfigurationProperties("ticketing")
public record AdmissionProperties(
        @Valid @NotNull Admission admission,
        @Valid @NotNull Token token,
        @Valid @NotNull RateLimit rateLimit,
        @Valid @NotNull Limits limits) {

    /** The waiting room and the serving counter. */
    public record Admission(
            @Valid @NotNull Defaults defaults,
            /* an admitted ticket silent this long (no letter answered, no seat held) and not finished no longer counts
            as active */
            @NotNull @DurationMin(millis = 1) @DefaultValue("10s")
            Duration activeTimeout,
            /* every key of a round expires this long after the round ends */
            @NotNull @DurationMin(millis = 1) @DefaultValue("10m")
            Duration keyRetention,
            /* how often each instance advances the serving counter of the open round */
            @NotNull @DurationMin(millis = 1) @DefaultValue("250ms")
            Duration tick,
            /* how often each instance re-reads the global settings that seed new rounds */
            @NotNull @DurationMin(millis = 1) @DefaultValue("1s")
            Duration settingsRefresh,

            @NotBlank @DefaultValue("admission:settings") String settingsKey,
            /* upper bound of every Redis call */
            @NotNull @DurationMin(millis = 1) @DefaultValue("2s")
            Duration redisTimeout,
            /* how many past rounds GET /api/v1/admin/stats reports besides the current one */
            @Min(0) @Max(60) @DefaultValue("5") int statsRecentRounds,
            /*
             * a ticket's event stream goes no longer than this without an event: a quiet one beats (a heartbeat), so
             * idle proxies do not cut it and a client can tell it from a dead one (the web app gives up on 20 s of
             * silence, hence the bound)
             */
            @NotNull @DurationMin(millis = 100) @DurationMax(seconds = 15) @DefaultValue("15s")
            Duration sseKeepAlive,
            /* event streams one instance holds at most; past it a new stream is a 503 and the client polls */
            @Min(1) @DefaultValue("20000") int maxStreams) {}

    /** The settings a round starts with until ops change them through the admin API. */
    public record Defaults(
            @DecimalMin("0") @DecimalMax("100000") @DefaultValue("20")
            double ratePerSecond,

            @Min(0) @Max(1_000_000) @DefaultValue("0") int openBatch,
            @Min(0) @Max(1_000_000) @DefaultValue("0") int maxActive,
            @DefaultValue("false") boolean paused) {}

    /** Token signing keys and lifetime. */
    public record Token(
            /* JWK set JSON; wins over the file when set */
            @DefaultValue("") String keys,
            @NotNull @DefaultValue(".local/token-keys.json") Path keysFile,

            @NotBlank @DefaultValue("ticketing-warrior-admission")
            String issuer,
            /* tokens expire this long after their round closes */
            @NotNull @DurationMin(millis = 0) @DefaultValue("30s")
            Duration grace) {}

    /** Per-client limit on queue entry. */
    public record RateLimit(
            @Min(1) @DefaultValue("30") int entries,

            @NotNull @DurationMin(millis = 1) @DefaultValue("10s")
            Duration window,
            /* peers whose X-Forwarded-For (and viewer-address header) is believed */
            @NotNull @DefaultValue({"127.0.0.0/8", "::1/128"})
            List<String> trustedProxies,
            /* the header a CDN in front of the trusted proxies writes the viewer's ip:port into
            (CloudFront-Viewer-Address); believed only from a trusted proxy; empty: no CDN, X-Forwarded-For only */
            @NotNull @HeaderNameOrEmpty @DefaultValue("") String viewerAddressHeader,
            /* the IPv6 network counted as one client: a /64 (a subscriber's); 56 or 48 to count a home or a site */
            @Min(ClientAddressResolver.WIDEST_IPV6_PREFIX) @Max(128) @DefaultValue("64")
            int ipv6Prefix)
            implements ClientAddressSettings {}

    /**
     * Per-client limits on the rest of the public API (SPEC §9), counted in Redis; the numbers and where they come from
     * are in the README and docs/decisions/0010. Bots (a valid {@code X-Bot-Key}) share one address per bot-runner, so
     * they are counted per ticket only.
     */
    public record Limits(
            /* status polls per client address (bots exempt) */
            @Valid @NotNull Window pollsPerClient,
            /* status polls per ticket (bots included) */
            @Valid @NotNull Window pollsPerTicket,
            /* the part of each poll budget an instance allows in memory before it counts in Redis (0 = all in Redis) */
            @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.5")
            double pollLocalShare,
            /* open event streams per client address at once (bots exempt) */
            @Min(1) @DefaultValue("50") int streamsPerClient,
            /* open event streams per ticket at once (bots included) */
            @Min(1) @DefaultValue("3") int streamsPerTicket,
            /* a stream counter lives this long after its last stream opened: slots an instance never gave back
            (killed mid-stream) are free again after it */
            @NotNull @DurationMin(millis = 1) @DefaultValue("10m")
            Duration streamTtl,
            /* 401s per client address on the failed-authentication paths before 429 */
            @Valid @NotNull Window failedAuthentication,
            /* the paths failed authentication is counted on (Spring path patterns) */
            @NotNull List<String> failedAuthenticationPaths,
            /* the hot paths where only a wrong X-Bot-Key is counted, with no look-up before the request (the ticket
            reads a keyed bot polls) */
            @NotNull List<String> failedAuthenticationBotKeyPaths,
            /* GET /api/v1/clock per client address (spent in memory first, like polls) */
            @Valid @NotNull Window clockPerClient,
            /* GET /.well-known/jwks.json per client address (spent in memory first, like polls) */
            @Valid @NotNull Window jwksPerClient,
            /* upper bound of a limiter call; a limiter that does not answer lets polls and streams through */
            @NotNull @DurationMin(millis = 1) @DefaultValue("500ms")
            Duration timeout)
            implements FailedAuthenticationSettings {}
}
