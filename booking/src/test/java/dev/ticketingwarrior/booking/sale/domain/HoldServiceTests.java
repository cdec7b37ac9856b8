package dev.ticketingwarrior.booking.sale.domain;

import static dev.ticketingwarrior.booking.sale.domain.Fakes.OPENS;
import static dev.ticketingwarrior.booking.sale.domain.Fakes.player;
import static dev.ticketingwarrior.booking.sale.domain.Fakes.round;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.booking.seat.domain.Venue;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.round.RoundClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a hold, on in-memory seat locks, holds and letters. */
class HoldServiceTests {

    private static final Duration TTL = Duration.ofSeconds(20);

    private final Fakes.SeatLocksInMemory locks = new Fakes.SeatLocksInMemory();
    private final Fakes.SalesInMemory sales = new Fakes.SalesInMemory();
    private final Fakes.BookingsInMemory mysql = new Fakes.BookingsInMemory();
    private final Fakes.HoldsInMemory holds = new Fakes.HoldsInMemory(locks);
    private final Fakes.CaptchasInMemory captchas = new Fakes.CaptchasInMemory();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Round round = round();
    private final Player alice = solved(player("alice", false, false));
    private final Player bob = solved(player("bob", false, false));

    private HoldService serviceAt(Instant now) {
        return serviceAt(now, holds);
    }

    private HoldService serviceAt(Instant now, Holds holds) {
        RoundClock clock = Fakes.clockAt(now);
        RoundRetention retention = new RoundRetention(clock, Duration.ofMinutes(10));
        return new HoldService(
                new Venue(10, 10, 2, 3),
                locks,
                holds,
                new SoldSeatRestorer(
                        mysql, sales, clock, retention, Duration.ofMinutes(1), Duration.ofSeconds(10), meters),
                captchas,
                clock,
                new RoundRetention(clock, Duration.ofMinutes(10)),
                TTL,
                meters);
    }

    private final HoldService service = serviceAt(OPENS.plusSeconds(1));

    private Player solved(Player player) {
        captchas.solved.add(player.ticketId());
        return player;
    }

    @Test
    void holdsAFreeSeatForTheHoldTtl() {
        HoldResult result = service.hold(round, alice, "A-1");

        assertThat(result).isInstanceOf(HoldResult.Held.class);
        HoldResult.Held held = (HoldResult.Held) result;
        assertThat(held.seatId()).isEqualTo("A-1");
        assertThat(HoldId.looksValid(held.holdId())).isTrue();
        assertThat(held.expiresAt()).isEqualTo(OPENS.plusSeconds(1).plus(TTL));
        HoldRecord stored = holds.holds.get(held.holdId());
        assertThat(stored.ticketId()).isEqualTo("alice");
        assertThat(stored.owner()).isEqualTo(locks.locked.get("A-1").owner());
        assertThat(stored.fencingToken()).isEqualTo(locks.locked.get("A-1").fencingToken());
        assertThat(meters.counter("ticketing.holds", "result", "held").count()).isEqualTo(1);
    }

    @Test
    void capsTheHoldAtTheRoundClose() {
        Instant late = round.closesAt().minusSeconds(5);

        HoldResult.Held held = (HoldResult.Held) serviceAt(late).hold(round, alice, "A-1");

        assertThat(held.expiresAt()).isEqualTo(round.closesAt());
    }

    @Test
    void aHoldWhoseRecordFailedGivesItsSeatBackForTheNextPlayer() {
        holds.registerFailure = new IllegalStateException("Valkey did not answer");

        assertThatThrownBy(() -> service.hold(round, alice, "A-1")).hasMessage("Valkey did not answer");

        assertThat(locks.locked).as("the seat's lock").isEmpty();
        assertThat(holds.holds).as("the hold the lost answer recorded").isEmpty();
        assertThat(holds.ticketHolds).isEmpty();
        holds.registerFailure = null;
        assertThat(service.hold(round, bob, "A-1")).isInstanceOf(HoldResult.Held.class);
    }

    @Test
    void holdsNothingOnceTheRoundHasClosed() {
        assertThat(serviceAt(round.closesAt()).hold(round, alice, "A-1")).isEqualTo(new HoldResult.Taken("A-1"));
        assertThat(locks.locked).isEmpty();
    }

    @Test
    void refusesASeatTheVenueDoesNotHave() {
        assertThat(service.hold(round, alice, "Z-99")).isEqualTo(new HoldResult.UnknownSeat("Z-99"));
        assertThat(locks.locked).isEmpty();
    }

    @Test
    void requiresASolvedLetterFromHumansButNotFromKeyedBots() {
        Player unsolvedHuman = player("carol", false, false);
        Player unkeyedBot = player("bot-1", true, false);
        Player keyedBot = player("bot-2", true, true);

        assertThat(service.hold(round, unsolvedHuman, "A-1")).isEqualTo(new HoldResult.CaptchaRequired());
        assertThat(service.hold(round, unkeyedBot, "A-1")).isEqualTo(new HoldResult.CaptchaRequired());
        assertThat(service.hold(round, keyedBot, "A-1")).isInstanceOf(HoldResult.Held.class);
    }

    @Test
    void neverGivesAHeldSeatToAnotherPlayer() {
        service.hold(round, alice, "A-1");

        assertThat(service.hold(round, bob, "A-1")).isEqualTo(new HoldResult.Taken("A-1"));
        assertThat(meters.counter("ticketing.holds", "result", "taken").count()).isEqualTo(1);
    }

    @Test
    void askingAgainForYourOwnSeatIsTheSameHold() {
        HoldResult.Held first = (HoldResult.Held) service.hold(round, alice, "A-1");

        assertThat(service.hold(round, alice, "A-1")).isEqualTo(first);
        assertThat(holds.holds).hasSize(1);
    }

    @Test
    void aNewHoldReleasesThePreviousOne() {
        HoldResult.Held first = (HoldResult.Held) service.hold(round, alice, "A-1");

        HoldResult.Held second = (HoldResult.Held) service.hold(round, alice, "A-2");

        assertThat(holds.holds).containsOnlyKeys(second.holdId());
        assertThat(locks.locked).containsOnlyKeys("A-2");
        assertThat(service.hold(round, bob, "A-1")).isInstanceOf(HoldResult.Held.class);
        assertThat(first.holdId()).isNotEqualTo(second.holdId());
    }

    @Test
    void aSoldSeatIsTakenAndABookedTicketHoldsNoMore() {
        holds.sold.add("A-1");
        holds.bookedTickets.add("bob");

        assertThat(service.hold(round, alice, "A-1")).isEqualTo(new HoldResult.Taken("A-1"));
        assertThat(service.hold(round, bob, "A-2")).isEqualTo(new HoldResult.AlreadyBooked());
        assertThat(locks.locked).as("the claimed locks are given back").isEmpty();
    }

    @Test
    void releasesOnlyYourOwnHold() {
        HoldResult.Held held = (HoldResult.Held) service.hold(round, alice, "A-1");

        assertThat(service.release(round, bob, held.holdId())).isFalse();
        assertThat(service.release(round, alice, "../../etc")).isFalse();
        assertThat(service.release(round, alice, held.holdId())).isTrue();
        assertThat(service.release(round, alice, held.holdId()))
                .as("already gone")
                .isFalse();
        assertThat(holds.finished)
                .as("a human who lets a seat go picks another")
                .isEmpty();
        assertThat(locks.locked).isEmpty();
        assertThat(meters.counter("ticketing.holds", "result", "released").count())
                .isEqualTo(1);
    }

    @Test
    void aBotThatReleasesItsHoldIsReportedGone() {
        Player bot = player("bot-7", true, true);
        HoldResult.Held held = (HoldResult.Held) service.hold(round, bot, "A-2");

        assertThat(service.release(round, bot, held.holdId())).isTrue();
        assertThat(holds.finished)
                .as("a bot that cancels (취소표) is done with the round")
                .containsExactly("bot-7");
    }

    /**
     * Redis came back empty: a seat MySQL sold before is not held (and so not accepted, then rejected); the round's sold
     * seats are restored once, for every hold after it.
     */
    @Test
    void aRoundRedisLostHasItsSoldSeatsRestoredBeforeAHold() {
        Fakes.HoldsInMemory sameRedis = new Fakes.HoldsInMemory(locks, sales);
        HoldService afterTheLoss = serviceAt(OPENS.plusSeconds(8), sameRedis);
        mysql.confirm(List.of(Fakes.booking(round.id(), "A-1", "carol")), "test-write");

        assertThat(afterTheLoss.hold(round, alice, "A-1")).isEqualTo(new HoldResult.Taken("A-1"));
        assertThat(locks.locked).as("the seat is given back").doesNotContainKey("A-1");
        assertThat(afterTheLoss.hold(round, bob, "A-2")).isInstanceOf(HoldResult.Held.class);
        assertThat(sales.restores).containsExactly("all 1");
    }

    /**
     * Valkey failed the restore's write: the hold is not failed by the restore's error but meets Valkey itself (which
     * answers here; a Valkey still down fails the record, and the seat is given back as for any failed record).
     */
    @Test
    void aHoldWhoseRoundCouldNotBeRestoredMeetsValkeyItself() {
        sales.restoreFailure = new IllegalStateException("Valkey did not answer");

        assertHeldUncheckedAfterRedisLostTheRound();
    }

    /** MySQL cannot say what it sold: the hold goes on (MySQL's one row per seat still refuses a second sale). */
    @Test
    void aRoundRedisLostIsHeldUncheckedWhileMysqlCannotBeRead() {
        mysql.failure = new IllegalStateException("MySQL does not answer");

        assertHeldUncheckedAfterRedisLostTheRound();
    }

    /** In a round Redis lost (no restore mark), alice's hold is held although its restore failed, and no mark is left. */
    private void assertHeldUncheckedAfterRedisLostTheRound() {
        Fakes.HoldsInMemory sameRedis = new Fakes.HoldsInMemory(locks, sales);
        assertThat(serviceAt(OPENS.plusSeconds(8), sameRedis).hold(round, alice, "A-1"))
                .isInstanceOf(HoldResult.Held.class);
        assertThat(sales.restoredMarks).isEmpty();
    }
}
