package dev.ticketingwarrior.booking.captcha.freetts;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.audio.AudioPlayer;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import dev.ticketingwarrior.booking.captcha.domain.LetterVoice;
import dev.ticketingwarrior.booking.captcha.domain.LettersBusyException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A security letter said by FreeTTS's {@code kevin16} voice (US English, 16 kHz): each character by its spelling
 * alphabet word, slowly, once (about 6 s for a letter's six characters: a round is 15 s, and the player may ask
 * again). One voice speaks at a time (FreeTTS's {@link Voice} is not thread-safe); a letter takes a few milliseconds
 * once the voice is loaded, which happens once, after the service is ready, on a thread of its own (about half a
 * second), or on the first request if that comes sooner.
 */
@Component
class FreeTtsLetterVoice implements LetterVoice {

    private static final Logger log = LoggerFactory.getLogger(FreeTtsLetterVoice.class);

    /** How long a request waits for the voice before it is told to retry (503). */
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    /** Words per minute: slower than FreeTTS's 150, so each word stands apart. */
    private static final float RATE = 110;

    /**
     * What is said for each character: a letter by its word of the NATO spelling alphabet, whose first letter it is
     * ("Charlie" for C), as said letter names rhyme (C, E, P, T, V all end in "ee"; M and N differ by a nasal); a digit
     * by its name. Korea's military service uses the same words.
     */
    private static final Map<Character, String> WORDS = Map.ofEntries(
            Map.entry('A', "Alpha"),
            Map.entry('B', "Bravo"),
            Map.entry('C', "Charlie"),
            Map.entry('D', "Delta"),
            Map.entry('E', "Echo"),
            Map.entry('F', "Foxtrot"),
            Map.entry('G', "Golf"),
            Map.entry('H', "Hotel"),
            Map.entry('I', "India"),
            Map.entry('J', "Juliet"),
            Map.entry('K', "Kilo"),
            Map.entry('L', "Lima"),
            Map.entry('M', "Mike"),
            Map.entry('N', "November"),
            Map.entry('O', "Oscar"),
            Map.entry('P', "Papa"),
            Map.entry('Q', "Quebec"),
            Map.entry('R', "Romeo"),
            Map.entry('S', "Sierra"),
            Map.entry('T', "Tango"),
            Map.entry('U', "Uniform"),
            Map.entry('V', "Victor"),
            Map.entry('W', "Whiskey"),
            Map.entry('X', "X-ray"),
            Map.entry('Y', "Yankee"),
            Map.entry('Z', "Zulu"),
            Map.entry('0', "zero"),
            Map.entry('1', "one"),
            Map.entry('2', "two"),
            Map.entry('3', "three"),
            Map.entry('4', "four"),
            Map.entry('5', "five"),
            Map.entry('6', "six"),
            Map.entry('7', "seven"),
            Map.entry('8', "eight"),
            Map.entry('9', "nine"));

    /** Held while the voice loads or speaks; the tests hold it to keep the voice busy. */
    final ReentrantLock speaking = new ReentrantLock();

    private final Duration patience;
    private Voice voice;

    FreeTtsLetterVoice() {
        this(PATIENCE);
    }

    FreeTtsLetterVoice(Duration patience) {
        this.patience = patience;
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadWhenReady() {
        Thread.ofVirtual().name("letter-voice-load").start(() -> {
            speaking.lock();
            try {
                voice();
            } catch (RuntimeException e) {
                log.warn("the letter voice did not load: {}", e.toString());
            } finally {
                speaking.unlock();
            }
        });
    }

    @Override
    public byte[] speak(String text) {
        String words = words(text);
        try {
            if (!speaking.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LettersBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LettersBusyException();
        }
        try {
            Recording recording = new Recording();
            Voice loaded = voice();
            loaded.setAudioPlayer(recording);
            if (!loaded.speak(words)) {
                throw new IllegalStateException("FreeTTS did not say the letter");
            }
            return recording.wav();
        } catch (RuntimeException e) {
            // a voice that failed to load or to speak: the player is told to retry (503), never shown a 500
            log.warn("the letter voice failed: {}", e.toString());
            throw new LettersBusyException();
        } finally {
            speaking.unlock();
        }
    }

    /** {@code "Alpha, Charlie, seven."} */
    static String words(String text) {
        StringJoiner names = new StringJoiner(", ");
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            String name = WORDS.get(c);
            if (name == null) {
                throw new IllegalArgumentException("a letter has only A-Z and 0-9, not " + c);
            }
            names.add(name);
        }
        return names + ".";
    }

    /** Under {@link #speaking}. */
    private Voice voice() {
        if (voice == null) {
            Voice kevin = Arrays.stream(new KevinVoiceDirectory().getVoices())
                    .filter(candidate -> candidate.getName().equals("kevin16"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("FreeTTS has no kevin16 voice"));
            kevin.allocate();
            kevin.setRate(RATE);
            voice = kevin;
        }
        return voice;
    }

    /** What FreeTTS would play, kept in memory and written out as a WAV file. */
    private static final class Recording implements AudioPlayer {

        private final ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        private AudioFormat format = new AudioFormat(16_000, 16, 1, true, true);

        byte[] wav() {
            byte[] samples = pcm.toByteArray();
            AudioInputStream audio = new AudioInputStream(
                    new ByteArrayInputStream(samples), format, samples.length / format.getFrameSize());
            ByteArrayOutputStream file = new ByteArrayOutputStream(samples.length + 64);
            try {
                AudioSystem.write(audio, AudioFileFormat.Type.WAVE, file);
            } catch (IOException e) {
                throw new UncheckedIOException("writing a WAV file in memory", e);
            }
            return file.toByteArray();
        }

        @Override
        public void setAudioFormat(AudioFormat format) {
            this.format = format;
        }

        @Override
        public AudioFormat getAudioFormat() {
            return format;
        }

        @Override
        public boolean write(byte[] audio) {
            return write(audio, 0, audio.length);
        }

        @Override
        public boolean write(byte[] audio, int offset, int length) {
            pcm.write(audio, offset, length);
            return true;
        }

        @Override
        public boolean drain() {
            return true;
        }

        @Override
        public boolean end() {
            return true;
        }

        @Override
        public float getVolume() {
            return 1;
        }

        @Override
        public long getTime() {
            return 0;
        }

        // nothing is played, so there is nothing to pause, time or show
        @Override
        public void pause() {}

        @Override
        public void resume() {}

        @Override
        public void reset() {}

        @Override
        public void begin(int size) {}

        @Override
        public void cancel() {}

        @Override
        public void close() {}

        @Override
        public void setVolume(float volume) {}

        @Override
        public void resetTime() {}

        @Override
        public void startFirstSampleTimer() {}

        @Override
        public void showMetrics() {}
    }
}
