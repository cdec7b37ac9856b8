package dev.ticketingwarrior.admission.queue.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.shared.player.Nicknames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NicknameTests {

    @ParameterizedTest
    @ValueSource(strings = {"ab", "player_1", "speed-runner", "김철수", "티켓팅전사", "Ärger", "名前", "12", "a_b-c"})
    void acceptsLettersOfAnyScriptDigitsUnderscoreAndHyphen(String nickname) {
        assertThat(Nickname.parse(nickname)).hasValue(new Nickname(nickname));
    }

    @Test
    void acceptsTwentyCharactersAndRefusesTwentyOne() {
        assertThat(Nickname.parse("a".repeat(20))).isPresent();
        assertThat(Nickname.parse("가".repeat(20))).isPresent();
        assertThat(Nickname.parse("a".repeat(21))).isEmpty();
        assertThat(Nickname.parse("가".repeat(21))).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "a",
                " ab",
                "two words",
                "tab\tbed",
                "new\nline",
                "nul\u0000byte",
                "bidi\u202Eflip",
                "zero\u200Bwidth",
                "emoji😀",
                "<script>",
                "a.b",
                "semi;colon",
                "quote'"
            })
    void refusesEverythingElse(String nickname) {
        assertThat(Nickname.parse(nickname)).isEmpty();
    }

    @Test
    void treatsDecomposedHangulAsTheSameNickname() {
        String decomposed = "\u1112\u1161\u11AB\u1100\u1173\u11AF"; // 한글 typed as jamo
        assertThat(Nickname.parse(decomposed)).hasValue(new Nickname("한글"));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String supplementary = "𠀀".repeat(20); // CJK extension B: letters outside the BMP
        assertThat(Nickname.parse(supplementary)).isPresent();
        assertThat(Nickname.parse(supplementary + "𠀀")).isEmpty();
    }

    @Test
    void saysWhichRuleARefusedNicknameBreaks() {
        assertThat(Nickname.parse("pаypal")).isEmpty(); // a Cyrillic а among Latin letters
        assertThat(Nickname.ruleBroken("pаypal")).isEqualTo(Nicknames.SCRIPT_RULE);
        assertThat(Nickname.ruleBroken("two words")).isEqualTo(Nicknames.RULE);
        assertThat(Nickname.ruleBroken(null)).isEqualTo(Nicknames.RULE);
    }
}
