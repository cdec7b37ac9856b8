package dev.ticketingwarrior.shared.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class LoadTestLettersTests {

    private static final String KEY = "soak-key-0123456789abcdefghijklmnopqrstuv";
    private static final String OTHER_KEY = "another-soak-key-0123456789abcdefghijklm";
    private static final String CAPTCHA_ID = "abcdefghij0123456789xy";

    @Test
    void sameKeyAndLetterGiveTheSameAnswer() {
        assertThat(LoadTestLetters.answer(KEY, CAPTCHA_ID, 6)).isEqualTo(LoadTestLetters.answer(KEY, CAPTCHA_ID, 6));
    }

    @Test
    void answerDiffersPerLetterAndPerKey() {
        Set<String> answers = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            answers.add(LoadTestLetters.answer(KEY, "letter-" + i, 6));
        }
        assertThat(answers).hasSizeGreaterThan(95); // 21^6 texts: a repeat among 100 is ~6e-5 likely
        assertThat(LoadTestLetters.answer(OTHER_KEY, CAPTCHA_ID, 6))
                .isNotEqualTo(LoadTestLetters.answer(KEY, CAPTCHA_ID, 6));
    }

    @Test
    void answerUsesOnlyTheLetterAlphabet() {
        for (int length = 1; length <= 32; length++) {
            assertThat(LoadTestLetters.answer(KEY, "letter-" + length, length))
                    .hasSize(length)
                    .matches("[" + LoadTestLetters.ALPHABET + "]+");
        }
    }

    @Test
    void matchesHmacSha256ComputedIndependently() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal(CAPTCHA_ID.getBytes(StandardCharsets.UTF_8));
        String alphabet = "ACEFHJKMNPRTUVWXY3479";
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            expected.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
        }

        assertThat(LoadTestLetters.answer(KEY, CAPTCHA_ID, 6)).isEqualTo(expected.toString());
        // the same vector from Python's hmac module, so a load tool in another language can check itself against it
        assertThat(expected.toString()).isEqualTo("YRAHYU");
        assertThat(LoadTestLetters.answer(KEY, CAPTCHA_ID, 32)).isEqualTo("YRAHYUV9HC4A4XWMHJMHFWAYCVYTP7FA");
    }

    @Test
    void refusesShortKeysAndLengthsOutsideOneToThirtyTwo() {
        String shortKey = "k".repeat(LoadTestLetters.MIN_KEY_LENGTH - 1);
        assertThatIllegalArgumentException().isThrownBy(() -> LoadTestLetters.answer(shortKey, CAPTCHA_ID, 6));
        assertThat(LoadTestLetters.answer(shortKey + "k", CAPTCHA_ID, 6)).hasSize(6);
        assertThatIllegalArgumentException().isThrownBy(() -> LoadTestLetters.answer(KEY, CAPTCHA_ID, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> LoadTestLetters.answer(KEY, CAPTCHA_ID, 33));
    }
}
