package dev.ticketingwarrior.booking.captcha.freetts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.booking.captcha.domain.LettersBusyException;
import dev.ticketingwarrior.booking.support.Heard;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class FreeTtsLetterVoiceTests {

    private final FreeTtsLetterVoice voice = new FreeTtsLetterVoice();

    @Test
    void saysEachLetterByItsSpellingAlphabetWordAndEachDigitByItsName() {
        assertThat(FreeTtsLetterVoice.words("AC7w")).isEqualTo("Alpha, Charlie, seven, Whiskey.");
    }

    @Test
    void refusesWhatNoLetterHolds() {
        assertThatThrownBy(() -> FreeTtsLetterVoice.words("A-7")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A WAV file any player decodes: mono PCM, seconds long, not silence, and another letter sounds otherwise. */
    @Test
    void speaksALetterAsAWavFileOfSound() {
        Heard heard = Heard.of(voice.speak("ACEFH"));

        assertThat(heard.format().getChannels()).isEqualTo(1);
        assertThat(heard.format().getSampleSizeInBits()).isEqualTo(16);
        assertThat(heard.seconds()).as("five characters said once").isBetween(2.0, 8.0);
        assertThat(heard.rms()).as("not silence").isGreaterThan(300);

        assertThat(Heard.of(voice.speak("AC")).seconds()).isLessThan(heard.seconds());
        assertThat(voice.speak("XY947")).isNotEqualTo(voice.speak("ACEFH"));
    }

    /** A letter asked for while the voice says another waits a while, then is told to retry (503), and not after. */
    @Test
    void aLetterWaitsForTheBusyVoiceThenIsToldToRetry() throws Exception {
        FreeTtsLetterVoice patient = new FreeTtsLetterVoice(Duration.ofMillis(300));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = Thread.ofVirtual().start(() -> {
            patient.speaking.lock();
            try {
                held.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                patient.speaking.unlock();
            }
        });
        held.await();

        long asked = System.nanoTime();
        assertThatThrownBy(() -> patient.speak("AC")).isInstanceOf(LettersBusyException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - asked))
                .isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));

        release.countDown();
        other.join();
        assertThat(Heard.of(patient.speak("AC")).seconds()).isGreaterThan(0.5);
    }
}
