package dev.ticketingwarrior.booking.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A WAV file as a player's decoder reads it: its format, how long it plays and how loud it is (the root mean square of
 * its 16-bit samples; silence is 0).
 */
public record Heard(AudioFormat format, double seconds, double rms) {

    public static Heard of(byte[] wav) {
        try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = audio.getFormat();
            byte[] samples = audio.readAllBytes();
            double sum = 0;
            int count = Math.max(1, samples.length / 2);
            for (int i = 0; i + 1 < samples.length; i += 2) {
                int sample = format.isBigEndian()
                        ? (short) ((samples[i] << 8) | (samples[i + 1] & 0xFF))
                        : (short) ((samples[i + 1] << 8) | (samples[i] & 0xFF));
                sum += (double) sample * sample;
            }
            return new Heard(format, audio.getFrameLength() / format.getFrameRate(), Math.sqrt(sum / count));
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException("not a WAV file a player could decode", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
