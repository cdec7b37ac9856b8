package dev.ticketingwarrior.booking.hold;

import static dev.ticketingwarrior.booking.support.Players.book;
import static dev.ticketingwarrior.booking.support.Players.hold;
import static dev.ticketingwarrior.booking.support.Players.solveCaptcha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.booking.support.Players;
import dev.ticketingwarrior.shared.round.Round;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** An instance whose holds last one second: an expired hold gives its seat back and cannot be booked. */
class HoldExpiryIT {

    private static final BookingStack world = BookingStack.get();
    private static ConfigurableApplicationContext shortHolds;

    @BeforeAll
    static void start() {
        shortHolds = world.start(Map.of("ticketing.hold.ttl", "1s"));
    }

    @AfterAll
    static void stop() {
        shortHolds.close();
    }

    @Test
    void anExpiredHoldFreesTheSeatForTheNextPlayer() {
        Api api = world.api(shortHolds);
        Round round = world.freshRound();
        String slow = world.token(round, BookingStack.ticket(), "slow", false);
        String fast = world.token(round, BookingStack.ticket(), "fast", false);
        solveCaptcha(api, slow);
        solveCaptcha(api, fast);
        String holdId = hold(api, slow, round, "A-5").json().path("holdId").asString();
        assertThat(hold(api, fast, round, "A-5").status()).isEqualTo(409);

        Players.sleep(1600);

        assertThat(hold(api, fast, round, "A-5").status()).isEqualTo(201);
        Api.Response late = book(api, slow, holdId);
        assertThat(late.status()).isEqualTo(404);
        assertThat(late.problemSlug()).isEqualTo("unknown-hold");
    }
}
