package dev.ticketingwarrior.booking.captcha.redis;

import dev.ticketingwarrior.shared.round.RoundId;
import dev.ticketingwarrior.shared.wire.SharedRoundKeys;

/** The security letters' Redis keys of one round, under the round's hash tag {@code {r:<roundId>}} like the rest. */
public record CaptchaKeys(RoundId round) {

    /** HASH of one issued security letter: answer, ticket. */
    public String captcha(String captchaId) {
        return round.hashTag() + ":captcha:" + captchaId;
    }

    /** SET of tickets that solved a letter. */
    public String captchaSolved() {
        return round.hashTag() + ":captcha-solved";
    }

    /** ZSET queue number → last sign of life of an admitted player, admission's; an answer moves a member's score on. */
    public String activePlayers() {
        return SharedRoundKeys.activePlayers(round);
    }

    /** SET of ticket ids admission timed out, admission's; an answer brings its player back. */
    public String abandonedPlayers() {
        return SharedRoundKeys.abandonedPlayers(round);
    }
}
