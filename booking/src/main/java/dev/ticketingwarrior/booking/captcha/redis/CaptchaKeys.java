package dev.ticketingwarrior.booking.captcha.redis;

import dev.ticketingwarrior.shared.round.RoundId;

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
}
