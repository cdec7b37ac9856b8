package dev.ticketingwarrior.botrunner.config;

import dev.ticketingwarrior.botrunner.bot.domain.Difficulty;
import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.client.ClientAddressSettings;
import dev.ticketingwarrior.edge.client.HeaderNameOrEmpty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the bot-runner can be told (SPEC §2, §6). Bound from {@code ticketing.*} in {@code application.yml},
 * where each knob maps to its environment variable.
 */
@Validated
@ConfigurationProperties("ticketing")
public record BotRunnerProperties(
        @Valid @NotNull Bots bots,
        @Valid @NotNull Http http,
        @Valid @NotNull Limits limits) {

    /** The fleet: defaults of the shared settings, sharing and pacing. */
    public record Bots(
            /* defaults of the shared settings, until ops store some through the control API */
            @DefaultValue("true") boolean enabled,
            @Min(0) @Max(100_000) @DefaultValue("150") int perRound,
            @NotNull @DefaultValue("NORMAL") Difficulty difficulty,

            @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.05")
            double cancelProbability,
            /* prefix of every Redis key of this fleet (tests use their own) */
            @NotBlank @DefaultValue("bots") String namespace,
            /* how often the fleet looks at the clock */
            @NotNull @DurationMin(millis = 1) @DefaultValue("100ms")
            Duration tick,

            @NotNull @DurationMin(millis = 1) @DefaultValue("1s")
            Duration heartbeat,
            /* an instance whose last heartbeat is older than this is no longer a member */
            @NotNull @DurationMin(millis = 1) @DefaultValue("3500ms")
            Duration memberTtl,
            /* from this long after the open, unclaimed slots go to whoever is alive */
            @NotNull @DurationMin(millis = 1) @DefaultValue("1500ms")
            Duration sweepAfter,
            /* this long before the open, the fair share is claimed, planned and its connections opened (0 = at the open) */
            @NotNull @DurationMin(millis = 0) @DefaultValue("10s")
            Duration prepareAhead,
            /* this long before an open this instance has bots for, it collects its garbage (0 = never; see README) */
            @NotNull @DurationMin(millis = 0) @DefaultValue("3s")
            Duration collectBeforeOpen,

            @NotNull @DurationMin(millis = 1) @DefaultValue("1s")
            Duration settingsRefresh,
            /* every key of a round expires this long after it is last written */
            @NotNull @DurationMin(millis = 1) @DefaultValue("10m")
            Duration keyRetention,

            @NotNull @DurationMin(millis = 1) @DefaultValue("2s")
            Duration redisTimeout,
            /* bot events are added up in memory and written to the per-round counters in Redis this often */
            @NotNull @DurationMin(millis = 1) @DefaultValue("250ms")
            Duration statsFlush,

            @Min(1) @Max(50) @DefaultValue("5") int maxSeatAttempts,
            /* random noise on the seat preference, in grade steps (0 = every bot wants the same seat) */
            @DecimalMin("0") @DecimalMax("10") @DefaultValue("0.6")
            double seatJitter,
            /* how many past rounds GET /api/v1/bots/stats reports besides the current one */
            @Min(0) @Max(60) @DefaultValue("5") int statsRecentRounds) {}

    /** The bots' HTTP client of the public API. */
    public record Http(
            @NotBlank @DefaultValue("http://127.0.0.1:8081") String admissionUrl,
            @NotBlank @DefaultValue("http://127.0.0.1:8082") String bookingUrl,

            @NotNull @DurationMin(millis = 1) @DefaultValue("2s")
            Duration connectTimeout,
            /* longest silence while reading an answer (the queue's event stream gets the time until the close) */
            @NotNull @DurationMin(millis = 1) @DefaultValue("5s")
            Duration responseTimeout,
            /* per service: every waiting bot holds one connection for its event stream */
            @Min(1) @Max(100_000) @DefaultValue("5000") int maxConnections,
            @Min(1) @DefaultValue("50000") int pendingAcquireMaxCount,

            @NotNull @DurationMin(millis = 1) @DefaultValue("5s")
            Duration pendingAcquireTimeout,

            @NotNull @DurationMin(millis = 1) @DefaultValue("30s")
            Duration maxIdleTime,
            /* polling pace when the event stream is not available */
            @NotNull @DurationMin(millis = 1) @DefaultValue("500ms")
            Duration pollInterval) {}

    /**
     * The limit on failed authentication of the control API (SPEC §9): {@code failedAuthentication} 401s per client
     * address within its window on {@code failedAuthenticationPaths}, then 429 before the token is looked at. The
     * address believes X-Forwarded-For (and the viewer-address header) only from {@code trustedProxies}.
     */
    public record Limits(
            @Min(1) @DefaultValue("10") int failedAuthentication,

            @NotNull @DurationMin(millis = 1) @DefaultValue("1m")
            Duration failedAuthenticationWindow,

            @NotNull @DefaultValue({"/api/v1/bots", "/api/v1/bots/stats"})
            List<String> failedAuthenticationPaths,
            /* GET /api/v1/bots/public per client address: the web app reads it on load and once a minute */
            @Min(1) @DefaultValue("300") int publicReads,

            @NotNull @DurationMin(millis = 1) @DefaultValue("10s")
            Duration publicReadsWindow,
            /* the part of that budget an instance allows in memory before it counts in Redis (0 = all in Redis) */
            @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.5")
            double publicReadsLocalShare,

            @NotNull @DefaultValue({"127.0.0.0/8", "::1/128"})
            List<String> trustedProxies,

            @NotNull @HeaderNameOrEmpty @DefaultValue("") String viewerAddressHeader,
            /* the IPv6 network counted as one client: a /64 (a subscriber's); 56 or 48 to count a home or a site */
            @Min(ClientAddressResolver.WIDEST_IPV6_PREFIX) @Max(128) @DefaultValue("64")
            int ipv6Prefix,
            /* upper bound of a limiter call; one that does not answer lets the request through */
            @NotNull @DurationMin(millis = 1) @DefaultValue("500ms")
            Duration timeout)
            implements ClientAddressSettings {}
}
