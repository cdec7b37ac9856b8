package dev.ticketingwarrior.edge.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.edge.limit.FailedAuthentications.Guard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
        assertThat(rule.guard("/actuator/health", "X-Bot-Key"::equals)).isEqualTo(Guard.NONE);
    }

    @Test
    void remembersARefusedClientUntilItsWindowEnds() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-03T17:00:00Z"));
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
        MutableClock clock = new MutableClock(Instant.parse("2026-12-03T17:00:00Z"));
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

    /** A clock that tests move by hand. */
    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void noPathsGuardNothing() {
        FailedAuthentications rule = new FailedAuthentications(List.of("", " "), BUDGET);

        assertThat(rule.guards("/api/v1/admin/stats")).isFalse();
    }

    @Test
    void countsPerClientUnderAHashTag() {
        FailedAuthentications rule = new FailedAuthentications(List.of("/x"), BUDGET);

        assertThat(rule.key("203.0.113.7")).isEqualTo("limits:auth-failures:{203.0.113.7}");
    }

    @Test
    void keysCannotBeStretchedOrBreakTheHashTag() {
        assertThat(LimitKeys.key("polls", "a}b{c")).isEqualTo("limits:polls:{a_b_c}");
        assertThat(LimitKeys.key("polls", "x".repeat(10_000))).hasSize("limits:polls:{}".length() + 64);
    }

    @Test
    void decidesOnTheCountAndRoundsRetryAfterUp() {
        assertThat(LimitDecision.of(10, 500, BUDGET)).isEqualTo(LimitDecision.ALLOWED);
        LimitDecision over = LimitDecision.of(11, 1_200, BUDGET);
        assertThat(over).isInstanceOf(LimitDecision.Limited.class);
        assertThat(((LimitDecision.Limited) over).retryAfterSeconds()).isEqualTo(Duration.ofSeconds(2));
        assertThat(((LimitDecision.Limited) LimitDecision.of(11, 0, BUDGET)).retryAfterSeconds())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aLookDecidesOnTheCountOneMoreRequestWouldMake() {
        assertThat(LimitScripts.decide(List.of(9L, 100L), BUDGET, false)).isEqualTo(LimitDecision.ALLOWED);
        assertThat(LimitScripts.decide(List.of(10L, 100L), BUDGET, false)).isInstanceOf(LimitDecision.Limited.class);
        assertThat(LimitScripts.decide(List.of(10L, 100L), BUDGET, true)).isEqualTo(LimitDecision.ALLOWED);
    }

    @Test
    void refusesEmptyBudgets() {
        assertThatThrownBy(() -> new Budget(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Budget(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
