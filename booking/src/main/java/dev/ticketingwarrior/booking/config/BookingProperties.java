package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.client.ClientAddressSettings;
import dev.ticketingwarrior.edge.client.HeaderNameOrEmpty;
import dev.ticketingwarrior.edge.limit.FailedAuthenticationSettings;
import dev.ticketingwarrior.edge.limit.Window;
import dev.ticketingwarrior.shared.letter.LoadTestLetters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Every knob of the booking service (SPEC §2, §5), bound from {@code ticketing.*} with safe local defaults. */
@Validated
@ConfigurationProperties("ticketing")
public record BookingProperties(
        @Valid @NotNull Venue venue,
        @Valid @NotNull Hold hold,
        @Valid @NotNull Captcha captcha,
        @Valid @NotNull Token token,
        @Valid @NotNull Redis redis,
        @Valid @NotNull Queue queue,
        @Valid @NotNull Results results,
        @Valid @NotNull Limits limits,
        @Valid @NotNull Debrief debrief) {

    /**
     * The seat grid: rows A.. and columns 1..; the first {@code vipRows} rows are VIP, the next {@code rRows} R. Up to
     * 26 × 10,000 seats (a sanity bound: the benchmarks' warm-up needs more than a real venue's seats).
     */
    public record Venue(
            @Min(1) @Max(26) int rows,
            @Min(1) @Max(10000) int columns,
            @Min(0) int vipRows,
            @Min(0) int rRows) {}

    /**
     * How long a hold lasts at most (it is also capped at the round's close), and how often holds that ran out unbooked
     * are looked for, to report their players as abandoned.
     */
    public record Hold(
            @NotNull @DurationMin(millis = 1) Duration ttl,
            @NotNull @DurationMin(millis = 1) Duration abandonedSweep) {}

    /**
     * The security letter: how long an issued letter may be answered, its length, an optional fixed answer (only the
     * {@code test} profile sets one, so browser tests can type it), and an optional load-test key (only set during a
     * soak: every letter then reads {@link LoadTestLetters#answer} of its id, which the load tool derives with the same
     * key). Empty means off; the two are never set together.
     */
    public record Captcha(
            @NotNull @DurationMin(millis = 1) Duration ttl,
            @Min(4) @Max(8) int length,
            String fixedAnswer,
            String loadTestKey) {

        public boolean hasFixedAnswer() {
            return fixedAnswer != null && !fixedAnswer.isBlank();
        }

        public boolean hasLoadTestKey() {
            return loadTestKey != null && !loadTestKey.isEmpty();
        }

        @AssertTrue(
                message = "ticketing.captcha.load-test-key (TICKETING_CAPTCHA_LOAD_TEST_KEY) must be empty (off) or at"
                        + " least " + LoadTestLetters.MIN_KEY_LENGTH
                        + " characters: it is all that keeps bots from solving security letters")
        public boolean isLoadTestKeyLongEnough() {
            return !hasLoadTestKey() || loadTestKey.length() >= LoadTestLetters.MIN_KEY_LENGTH;
        }

        @AssertTrue(
                message = "ticketing.captcha.fixed-answer (tests only) and ticketing.captcha.load-test-key (soaks)"
                        + " cannot both be set")
        public boolean isOneWayToSolveAtMost() {
            return !(hasFixedAnswer() && hasLoadTestKey());
        }

        /** Never prints the key. */
        @Override
        public String toString() {
            return "Captcha[ttl=%s, length=%d, fixedAnswer=%s, loadTestKey=%s]"
                    .formatted(ttl, length, fixedAnswer, hasLoadTestKey() ? "(set)" : "(off)");
        }
    }

    /**
     * Where token keys come from: an inline JWK set ({@code keys}, wins when set), the local key file admission signs
     * with ({@code keysFile}, created when missing, as admission does), or the admission JWKS URL, fetched with
     * {@code jwksTimeout}, refreshed on an unknown {@code kid} at most once per {@code jwksMinRefresh} and in the
     * background once it is {@code jwksMaxAge} old (a withdrawn key stops verifying within about that long). Up to
     * {@code verifiedCacheSize} verified tokens are remembered until they expire. {@code nativeCrypto}: verify with
     * the native Amazon Corretto Crypto Provider where it loads ({@link NativeCrypto}).
     */
    public record Token(
            @NotBlank String issuer,
            String keys,
            String keysFile,
            @NotNull URI jwksUrl,
            @NotNull @DurationMin(millis = 1) Duration jwksTimeout,
            @NotNull @DurationMin(millis = 1) Duration jwksMinRefresh,
            @NotNull @DurationMin(millis = 1) Duration jwksMaxAge,
            @NotNull @DurationMin(millis = 0) Duration allowedSkew,
            @Min(1) int verifiedCacheSize,
            boolean nativeCrypto) {}

    /**
     * Redis (Valkey) endpoint, the user booking signs in as and its password (none locally; in AWS every client must
     * sign in), command timeout, how long a round's keys outlive the round, client event-loop threads.
     */
    public record Redis(
            @NotBlank String url,
            String username,
            String password,
            @NotNull @DurationMin(millis = 1) Duration timeout,
            @NotNull @DurationMin(millis = 1) Duration retention,
            @Min(0) @Max(64) int nettyThreads) {

        /** Never prints the password. */
        @Override
        public String toString() {
            return "Redis[url=%s, username=%s, password=%s, timeout=%s, retention=%s, nettyThreads=%d]"
                    .formatted(
                            url,
                            username,
                            password == null || password.isEmpty() ? "(none)" : "(set)",
                            timeout,
                            retention,
                            nettyThreads);
        }
    }

    /**
     * The confirmation queue, how long a send may take before the booking is refused with 503, and how many
     * {@code SendMessageBatch} calls may be on the wire at once (bookings arriving meanwhile share the next batch).
     */
    public record Queue(
            @NotBlank String name,
            @NotNull @DurationMin(millis = 1) Duration sendTimeout,
            @Min(1) @Max(64) int sendBatchesInFlight,
            /* a sale still open this long after it was made lost its request: the reconciler sends it again */
            @NotNull @DurationMin(millis = 1) @DefaultValue("30s")
            Duration reconcileAfter,

            @NotNull @DurationMin(millis = 1) @DefaultValue("5s")
            Duration reconcileEvery,
            /* the sold-seat restorer reads all of a round's rows this often; between, only those confirmed lately */
            @NotNull @DurationMin(millis = 1) @DefaultValue("60s")
            Duration restoreAllEvery,
            /* a hold in a round whose sold seats Redis lost waits this long at most for them from MySQL, then goes on */
            @NotNull @DurationMin(millis = 0) @DefaultValue("250ms")
            Duration restoreHoldWait,
            /* where SQS moves a confirmation after 5 receives; ops redrive it back (docs/runbooks/dlq-redrive.md) */
            @NotBlank @DefaultValue("booking-confirmations-dlq")
            String deadLetterName,
            /* how long a received confirmation stays hidden from other listeners; extended while MySQL is out */
            @Min(1) @Max(43_200) @DefaultValue("30") int visibilitySeconds,
            /* a batch MySQL refused is tried again after 0.5 s, doubling up to this (never past a third of the above) */
            @NotNull @DurationMin(millis = 1) @DefaultValue("2s")
            Duration longestMysqlWait,
            /* confirmations one instance works on at once: polls of up to 10 in flight */
            @Min(10) @DefaultValue("40") int listenerMaxMessages) {}

    /** Histogram bucket width and leaderboard length of the results API. */
    public record Results(
            @NotNull @DurationMin(millis = 1) Duration histogramBucket,
            @Min(1) @Max(100) int leaderboardSize) {}

    /**
     * Per-client limits (SPEC §9), counted in Redis across instances; the numbers and where they come from are in the
     * README and docs/decisions/0010. Player calls carry a verified admission token, so they are counted per ticket:
     * one player, whatever address it shares (bots have a ticket each). Failed authentication of the ops API
     * ({@code failedAuthenticationPaths}) and wrong bot keys on the player API ({@code failedAuthenticationBotKeyPaths})
     * are counted per address, as {@code trustedProxies} and {@code viewerAddressHeader} tell it.
     */
    public record Limits(
            @Valid @NotNull Window lettersPerTicket,
            @Valid @NotNull Window letterAnswersPerTicket,
            @Valid @NotNull Window seatMapsPerTicket,
            @Valid @NotNull Window holdsPerTicket,
            @Valid @NotNull Window releasesPerTicket,
            @Valid @NotNull Window bookingsPerTicket,
            @Valid @NotNull Window publicReadsPerAddress,
            @Valid @NotNull Window debriefReadsPerAddress,
            /* the part of a seat-map or public-read budget an instance allows in memory before it counts in Redis */
            @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.5")
            double readLocalShare,

            @Valid @NotNull Window failedAuthentication,
            @NotNull List<String> failedAuthenticationPaths,
            @NotNull List<String> failedAuthenticationBotKeyPaths,
            @Valid @NotNull Window failedTokensPerAddress,
            @NotNull List<String> failedTokenPaths,
            @NotNull List<String> trustedProxies,

            @NotNull @HeaderNameOrEmpty String viewerAddressHeader,
            /* the IPv6 network counted as one client: a /64 (a subscriber's); 56 or 48 to count a home or a site */
            @Min(ClientAddressResolver.WIDEST_IPV6_PREFIX) @Max(128) @DefaultValue("64")
            int ipv6Prefix)
            implements FailedAuthenticationSettings, ClientAddressSettings {}

    /**
     * Debriefs and history (SPEC §12): a round's human attempts are archived to MySQL {@code archiveGrace} after its
     * close (so its confirmations have landed), looked for every {@code archiveEvery} on every instance; a claim on a
     * round's archive lasts {@code archiveLease} (a crashed or failed archive is retried after it). A round's humans,
     * read for the costliest step and the round's best, are kept {@code roundCache} per instance.
     */
    public record Debrief(
            @NotNull @DurationMin(millis = 0) @DefaultValue("10s")
            Duration archiveGrace,

            @NotNull @DurationMin(millis = 1) @DefaultValue("5s")
            Duration archiveEvery,

            @NotNull @DurationMin(millis = 1) @DefaultValue("30s")
            Duration archiveLease,

            @NotNull @DurationMin(millis = 0) @DefaultValue("2s")
            Duration roundCache) {}
}
