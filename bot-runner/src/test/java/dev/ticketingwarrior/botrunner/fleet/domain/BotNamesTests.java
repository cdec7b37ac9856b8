package dev.ticketingwarrior.botrunner.fleet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.shared.player.Nicknames;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BotNamesTests {

    /** Admission keeps a nickname's owner under its look-alike key: two bots of a round must never share one. */
    @Test
    void noTwoBotsOfARoundHaveNicknamesThatLookAlike() {
        BotNames names = BotNames.random(new SplittableRandom(7));
        Set<String> keys = new HashSet<>();
        for (long slot = 0; slot < 50_000; slot++) {
            String nickname = names.nickname(slot);
            assertThat(Nicknames.parse(nickname)).as(nickname).contains(nickname);
            assertThat(Nicknames.mixesScripts(nickname)).as(nickname).isFalse();
            assertThat(keys.add(Nicknames.ownerKey(nickname))).as(nickname).isTrue();
        }
    }

    @Test
    void tagsOfTwoInstancesLookAlikeOnlyWhenTheyAreEqual() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 2_000; i++) {
            String one = BotNames.random(random).nickname(1);
            String other = BotNames.random(random).nickname(1);
            assertThat(Nicknames.ownerKey(one).equals(Nicknames.ownerKey(other)))
                    .as("%s and %s", one, other)
                    .isEqualTo(one.equals(other));
        }
    }

    @Test
    void theLongestNicknameFitsTheRule() {
        assertThat(BotNames.random(new SplittableRandom(3)).nickname(9_999_999)).hasSizeLessThanOrEqualTo(20);
    }
}
