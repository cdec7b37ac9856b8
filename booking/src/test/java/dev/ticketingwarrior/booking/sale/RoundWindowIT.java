package dev.ticketingwarrior.booking.sale;

import static dev.ticketingwarrior.booking.support.Players.book;
import static dev.ticketingwarrior.booking.support.Players.hold;
import static dev.ticketingwarrior.booking.support.Players.solveCaptcha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Holds and bookings only while the round is OPEN by the server's (injected) clock; a hold never outlives it. */
class RoundWindowIT {

    private final BookingStack world = BookingStack.get();
    private final Api api = world.api(world.first());

    @Test
    void refusesHoldsReleasesCaptchasAndBookingsAfterTheWindowCloses() {
        Round round = world.freshRound();
        String token = world.token(round, BookingStack.ticket(), "late", false);
        solveCaptcha(api, token);
        String holdId = hold(api, token, round, "B-1").json().path("holdId").asString();

        world.clock.set(round.closesAt().plusSeconds(1));

        Api.Response refused = hold(api, token, round, "B-2");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemSlug()).isEqualTo("round-closed");
        assertThat(api.post("/api/v1/captcha", token, null).problemSlug()).isEqualTo("round-closed");
        Api.Response booking = api.post(
                "/api/v1/bookings", token, "{\"holdId\":\"" + holdId + "\"}", Map.of("Idempotency-Key", "late"));
        assertThat(booking.status()).isEqualTo(403);
        assertThat(booking.problemSlug()).isEqualTo("round-closed");
        Api.Response release = api.delete("/api/v1/holds/" + holdId, token);
        assertThat(release.status()).as(release.toString()).isEqualTo(403);
        assertThat(release.problemSlug()).isEqualTo("round-closed");
    }

    /** SPEC §5: a replay of a known Idempotency-Key is answered after the close too; a new key is not. */
    @Test
    void aKnownIdempotencyKeyIsAnsweredAfterTheCloseAndANewOneIsNot() {
        Round round = world.freshRound();
        String token = world.token(round, BookingStack.ticket(), "replayer", false);
        solveCaptcha(api, token);
        String holdId = hold(api, token, round, "B-3").json().path("holdId").asString();
        Api.Response accepted = book(api, token, holdId, "before-close");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);

        world.clock.set(round.closesAt().plusSeconds(1));

        Api.Response replayed = book(api, token, holdId, "before-close");
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(202);
        assertThat(replayed.json()).isEqualTo(accepted.json());
        Api.Response fresh = book(api, token, holdId, "after-close");
        assertThat(fresh.status()).isEqualTo(403);
        assertThat(fresh.problemSlug()).isEqualTo("round-closed");
    }

    /** SPEC §5: the seat map of an OPEN round is for its admitted players; after the close it is public. */
    @Test
    void theSeatMapOfAnOpenRoundNeedsThatRoundsTokenAndIsPublicAfterTheClose() {
        Round round = world.freshRound();
        String path = "/api/v1/rounds/" + round.id() + "/seats";
        Round other = world.freshRound();
        world.clock.set(round.opensAt().plusSeconds(2));

        assertThat(api.get(path).status()).isEqualTo(401);
        assertThat(api.get(path).problemSlug()).isEqualTo("invalid-token");
        assertThat(api.get(path, "not-a-token").problemSlug()).isEqualTo("invalid-token");
        assertThat(api.get(path, world.token(other, BookingStack.ticket(), "elsewhere", false))
                        .problemSlug())
                .isEqualTo("wrong-round");
        Api.Response admitted = api.get(path, world.token(round, BookingStack.ticket(), "admitted", false));
        assertThat(admitted.status()).as(admitted.toString()).isEqualTo(200);
        assertThat(admitted.json().path("seats").size()).isEqualTo(100);

        world.clock.set(round.closesAt().plusSeconds(1));
        Api.Response afterClose = api.get(path);
        assertThat(afterClose.status()).as(afterClose.toString()).isEqualTo(200);
        assertThat(afterClose.json().path("seats").size()).isEqualTo(100);
    }

    @Test
    void aHoldNeverOutlivesTheRoundsOpenWindow() {
        Round round = world.freshRound();
        world.clock.set(round.closesAt().minusSeconds(3));
        String token = world.token(round, BookingStack.ticket(), "lastsecond", false);
        solveCaptcha(api, token);
        Api.Response held = hold(api, token, round, "C-1");
        assertThat(held.status()).isEqualTo(201);
        assertThat(Instant.parse(held.json().path("expiresAt").asString())).isBeforeOrEqualTo(round.closesAt());
    }
}
