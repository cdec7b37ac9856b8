package dev.ticketingwarrior.edge.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.edge.limit.FailedAuthentications.Guard;
import dev.ticketingwarrior.edge.testing.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailedAuthenticationsTests {

    private static final Budget BUDGET = new Budget(10, Duration.ofMinutes(1));

    @Test
    void guardsTheOpsPathsAndNothingElse() {
        FailedAuthentications rule =
                new FailedAuthentications(List.of("/api/v1/admin/**", " /api/v1/bots", "/api/v1/bots/stats"), BUDGET);

        assertThat(rule.guards("/api/v1/admin/admission")).isTrue();
        assertThat(rule.guards("/api/v1/admin/stats")).isTrue();
        assertThat(rule.guards("/api/v1/admin")).isTrue();
        assertThat(rule.guards("/api/v1/bots")).isTrue();
        assertThat(rule.guards("/api/v1/bots/stats")).isTrue();
        // the public view of the bots and the player API are not guarded
        assertThat(rule.guards("/api/v1/bots/public")).isFalse();
        assertThat(rule.guards("/api/v1/queue/abc")).isFalse();
        assertThat(rule.guards("/api/v1/administrator")).isFalse();
    }

    @Test
    void countsOnlyRequestsThatPresentACredential() {
        FailedAuthentications rule = new FailedAuthentications(List.of("/api/v1/queue"), BUDGET);

        assertThat(rule.guard("/api/v1/queue", "X-Bot-Key"::equals)).isEqualTo(Guard.CHECKED);
        assertThat(rule.guard("/api/v1/queue", "Authorization"::equals)).isEqualTo(Guard.CHECKED);
        // a player entering without a bot key is neither counted nor looked up
        assertThat(rule.guard("/api/v1/queue", name -> false)).isEqualTo(Guard.NONE);
        assertThat(rule.guard("/api/v1/other", "X-Bot-Key"::equals)).isEqualTo(Guard.NONE);
    }

    @Test
    void onTheBotKeyPathsCountsOnlyRequestsWithABotKeyAndTheOpsPathsStayChecked() {
        FailedAuthentications rule =
                new FailedAuthentications(List.of("/api/v1/confirmations/**"), List.of("/api/v1/**"), BUDGET);

        assertThat(rule.guard("/api/v1/rounds/r/holds", "X-Bot-Key"::equals)).isEqualTo(Guard.COUNTED);
        // a player's admission token alone is not a guessed secret: not counted
        assertThat(rule.guard("/api/v1/rounds/r/holds", "Authorization"::equals))
                .isEqualTo(Guard.NONE);
        assertThat(rule.guard("/api/v1/confirmations/dead-letters", "Authorization"::equals))
                .isEqualTo(Guard.CHECKED);
        assertThat(rule.guard("/api/v1/confirmations/dead-letters", "X-Bot-Key"::equals))
                .isEqualTo(Guard.CHECKED);
        assertThat(rule.guard("/api/v1/confirmations", "Authorization"::equals))
                .as("the pattern's /** also matches the folder itself")
                .isEqualTo(Guard.CHECKED);
        assertThat(rule.guard("/actuator/health", "X-Bot-Key"::equals)).isEqualTo(Guard.NONE);
    }

    @Test
    void aServicesSettingsMakeTheLimitFromItsThreeKnobs() {
        record Settings(
                Window failedAuthentication,
                List<String> failedAuthenticationPaths,
                List<String> failedAuthenticationBotKeyPaths)
                implements FailedAuthenticationSettings {}

        FailedAuthentications rule = new Settings(
                        new Window(7, Duration.ofSeconds(30)), List.of("/api/v1/admin/**"), List.of("/api/v1/queue/*"))
                .failedAuthentications();

        assertThat(rule.guard("/api/v1/admin/stats", "Authorization"::equals)).isEqualTo(Guard.CHECKED);
        assertThat(rule.guard("/api/v1/queue/abc", "X-Bot-Key"::equals)).isEqualTo(Guard.COUNTED);
        assertThat(rule.guard("/api/v1/queue/abc", "Authorization"::equals)).isEqualTo(Guard.NONE);
        assertThat(rule.budget()).isEqualTo(new Budget(7, Duration.ofSeconds(30)));
    }

    @Test
    void playerTokensAreCountedWithoutABotKeyOnTheirPathsWithCountersOfTheirOwn() {
        FailedAuthentications tokens =
                FailedAuthentications.playerTokens(List.of("/api/v1/rounds/*/holds", "/api/v1/bookings"), BUDGET);
        FailedAuthentications botKeys =
                new FailedAuthentications(List.of("/api/v1/confirmations/**"), List.of("/api/v1/**"), BUDGET);

        assertThat(tokens.guard("/api/v1/rounds/r/holds", "Authorization"::equals))
                .isEqualTo(Guard.COUNTED);
        assertThat(tokens.guard("/api/v1/bookings", "Authorization"::equals)).isEqualTo(Guard.COUNTED);
        // a bot's failures are a bot's (the bot-key rule counts them); no credential, nothing to count
        assertThat(tokens.guard("/api/v1/rounds/r/holds", name -> true)).isEqualTo(Guard.NONE);
        assertThat(tokens.guard("/api/v1/rounds/r/holds", name -> false)).isEqualTo(Guard.NONE);
        // only its paths, and nothing checked before the chain anywhere
        assertThat(tokens.guard("/api/v1/bookings/b-1", "Authorization"::equals))
                .isEqualTo(Guard.NONE);
        assertThat(tokens.guard("/api/v1/confirmations", "Authorization"::equals))
                .isEqualTo(Guard.NONE);
        assertThat(tokens.key("198.51.100.7")).isNotEqualTo(botKeys.key("198.51.100.7"));
    }

    @Test
    void remembersARefusedClientUntilItsWindowEnds() {
        SteppedClock clock = new SteppedClock(Instant.parse("2026-12-03T17:00:00Z"));
        RecentRefusals refusals = new RecentRefusals(clock, 2);

        refusals.refuse("a", Duration.ofSeconds(30));
        assertThat(refusals.refused("a"))
                .hasValueSatisfying(
                        limited -> assertThat(limited.retryAfterSeconds()).isEqualTo(Duration.ofSeconds(30)));
        assertThat(refusals.refused("b")).isEmpty();
        clock.advance(Duration.ofSeconds(29));
        assertThat(refusals.refused("a"))
                .hasValueSatisfying(
                        limited -> assertThat(limited.retryAfterSeconds()).isEqualTo(Duration.ofSeconds(1)));
        clock.advance(Duration.ofSeconds(1));
        assertThat(refusals.refused("a")).isEmpty();
    }

    @Test
    void forgetsEndedRefusalsBeforeItRemembersMoreThanItsCapacity() {
        SteppedClock clock = new SteppedClock(Instant.parse("2026-12-03T17:00:00Z"));
        RecentRefusals refusals = new RecentRefusals(clock, 2);
        refusals.refuse("a", Duration.ofSeconds(10));
        refusals.refuse("b", Duration.ofSeconds(60));

        refusals.refuse("c", Duration.ofSeconds(60)); // full, none ended: not remembered
        assertThat(refusals.refused("c")).isEmpty();
        clock.advance(Duration.ofSeconds(11));
        refusals.refuse("c", Duration.ofSeconds(60)); // "a" ended and makes room
        assertThat(refusals.refused("c")).isPresent();
        assertThat(refusals.refused("b")).isPresent();
    }
}
