package dev.ticketingwarrior.botrunner.fleet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.shared.player.Nicknames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /** Every string of up to three of the tag's characters, digits and '-' has a key of its own: no substitution. */
    @Test
    void noTwoShortStringsOfTheCharactersBotNicknamesUseLookAlike() {
        String characters = (BotNames.ALPHABET + "0123456789-")
                .chars()
                .distinct()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        Map<String, String> byKey = new HashMap<>();
        List<String> strings = new ArrayList<>(List.of(""));
        for (int length = 1; length <= 3; length++) {
            List<String> longer = new ArrayList<>();
            for (String prefix : strings) {
                for (char c : characters.toCharArray()) {
                    String text = prefix + c;
                    longer.add(text);
                    String other = byKey.putIfAbsent(Nicknames.ownerKey(text), text);
                    assertThat(other).as("%s looks like %s", text, other).isNull();
                }
            }
            strings = longer;
        }
    }

    @Test
    void aTagWithALookAlikeCharacterIsRefused() {
        for (String tag : new String[] {"abl2", "ab1c", "oooo", "mmmm", "ab0c", "abc-", ""}) {
            assertThatThrownBy(() -> new BotNames(tag)).as(tag).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new BotNames("ab2c").nickname(7)).isEqualTo("bot-ab2c-7");
    }

    @Test
    void theLongestNicknameFitsTheRule() {
        assertThat(BotNames.random(new SplittableRandom(3)).nickname(9_999_999)).hasSizeLessThanOrEqualTo(20);
    }
}
