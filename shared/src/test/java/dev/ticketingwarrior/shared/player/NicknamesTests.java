package dev.ticketingwarrior.shared.player;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NicknamesTests {

    @Test
    void takesLettersOfAnyScriptDigitsUnderscoreAndDash() {
        assertThat(Nicknames.parse("kim_99-x")).contains("kim_99-x");
        assertThat(Nicknames.parse("김철수")).contains("김철수");
        assertThat(Nicknames.parse("a".repeat(20))).isPresent();
        assertThat(Nicknames.parse("a".repeat(21))).isEmpty();
        assertThat(Nicknames.parse("k")).isEmpty();
        assertThat(Nicknames.parse(null)).isEmpty();
    }

    @Test
    void readsDecomposedJamoAsTheComposedNickname() {
        assertThat(Nicknames.parse("\u1100\u1161\u11a8\u1100\u1161\u11a8")).contains("각각");
    }

    /** Letters that show nothing: "kim" with one of them reads exactly like "kim" on a leaderboard. */
    @ParameterizedTest
    @ValueSource(strings = {"kim\u3164", "\u3164\u3164", "kim\u115F", "kim\u1160", "kim\uFFA0"})
    void refusesTheHangulFillersThatShowNothing(String nickname) {
        assertThat(Nicknames.parse(nickname)).isEmpty();
    }

    /** Each pair would read as one player on a leaderboard: one owner key. */
    @ParameterizedTest
    @CsvSource({
        "probe, \uFF50\uFF52\uFF4F\uFF42\uFF45", // fullwidth
        "paypal, \u0440\u0430\u0443\u0440\u0430l", // Cyrillic р, а, у
        "admin, \u0430dmin",
        "admin2, \uD835\uDC1A\uD835\uDC1D\uD835\uDC26\uD835\uDC22\uD835\uDC27" + "2", // mathematical bold
        "fix, \uFB01x", // the fi ligature
        "Ab, \u1D2Cb", // a modifier capital A
        "is, \u0131s", // dotless i
        "victim, VICTIM",
        "\u01C5a, D\u017Ea", // the titlecase digraph Dž
        "kim1, kiml",
        "probe1, pr0be1", // a zero's skeleton is a capital O: case folded again (found by a probe)
        "probel, PR0BE1",
        "o0o, 000",
        "\u314B\u314B\u314B, \u110F\u110F\u110F" // compatibility and conjoining jamo
    })
    void nicknamesThatOnlyLookDifferentHaveOneOwnerKey(String nickname, String lookAlike) {
        assertThat(Nicknames.ownerKey(lookAlike)).isEqualTo(Nicknames.ownerKey(nickname));
    }

    @ParameterizedTest
    @CsvSource({"kim, lee", "김철수, 김철민", "tanaka, たなか", "abc, abd", "player_1, player_2", "가나, 가니"})
    void nicknamesThatReadDifferentlyHaveDifferentOwnerKeys(String one, String other) {
        assertThat(Nicknames.ownerKey(one)).isNotEqualTo(Nicknames.ownerKey(other));
    }

    @ParameterizedTest
    @ValueSource(strings = {"p\u0430ypal", "\u0430dmin", "\u0661\u06622a", "kim\u0391", "12\u0661", "kim1\uFF11"})
    void aNicknameMixingScriptsAsLookAlikesDoIsCaught(String nickname) {
        assertThat(Nicknames.parse(nickname)).as("valid by the character rule").isPresent();
        assertThat(Nicknames.mixesScripts(nickname)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"kim_99-x", "김철수", "kim김철수", "金김kim", "たなか_tanaka", "\u0440\u0430\u0443\u0440\u0430", "ㅋㅋㅋ"})
    void oneScriptOrLatinWithHangulHanOrKanaIsNoMixture(String nickname) {
        assertThat(Nicknames.mixesScripts(nickname)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kim lee", "kim!", "kim\u200B", "<b>", "kim.lee"})
    void refusesAnythingElse(String nickname) {
        assertThat(Nicknames.parse(nickname)).isEmpty();
    }
}
