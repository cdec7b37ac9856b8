package dev.ticketingwarrior.booking.captcha.domain;

/** Reads a security letter aloud, for players who cannot see its picture. */
public interface LetterVoice {

    /**
     * The characters of {@code text} (A–Z, 0–9) said one by one, as a WAV file; {@link LettersBusyException} when
     * the voice is too busy to start within a few seconds.
     */
    byte[] speak(String text);
}
