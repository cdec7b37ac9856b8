package dev.ticketingwarrior.shared.player;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    @ParameterizedTest
    @ValueSource(strings = {"kim lee", "kim!", "kim\u200B", "<b>", "kim.lee"})
    void refusesAnythingElse(String nickname) {
        assertThat(Nicknames.parse(nickname)).isEmpty();
    }
}
