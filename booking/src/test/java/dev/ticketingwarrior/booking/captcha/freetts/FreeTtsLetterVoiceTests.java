package dev.ticketingwarrior.booking.captcha.freetts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
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
    void speaksALetterAsAWavFileOfSound() throws Exception {
        Heard heard = hear(voice.speak("ACEFH"));

        assertThat(heard.format().getChannels()).isEqualTo(1);
        assertThat(heard.format().getSampleSizeInBits()).isEqualTo(16);
        assertThat(heard.seconds()).as("five characters said once").isBetween(2.0, 8.0);
        assertThat(heard.rms()).as("not silence").isGreaterThan(300);

        assertThat(hear(voice.speak("AC")).seconds()).isLessThan(heard.seconds());
        assertThat(voice.speak("XY947")).isNotEqualTo(voice.speak("ACEFH"));
    }

    private static Heard hear(byte[] wav) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = audio.getFormat();
            byte[] samples = audio.readAllBytes();
            double sum = 0;
            int count = samples.length / 2;
            for (int i = 0; i + 1 < samples.length; i += 2) {
                int sample = format.isBigEndian()
                        ? (short) ((samples[i] << 8) | (samples[i + 1] & 0xFF))
                        : (short) ((samples[i + 1] << 8) | (samples[i] & 0xFF));
                sum += (double) sample * sample;
            }
            return new Heard(format, audio.getFrameLength() / format.getFrameRate(), Math.sqrt(sum / count));
        }
    }

    private record Heard(AudioFormat format, double seconds, double rms) {}
}
