package dev.ticketingwarrior.booking.captcha.domain;

import dev.ticketingwarrior.booking.round.domain.RoundRetention;
import dev.ticketingwarrior.shared.letter.LoadTestLetters;
import dev.ticketingwarrior.shared.round.Round;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The security letter (보안문자): issue one bound to the ticket, answer it once (case-insensitive), and remember that
 * the ticket solved one, which holds require.
 */
public class CaptchaService {

    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(5);
    /** Letters drawn ahead of time: the :00 burst is served from here instead of waiting for java2d. */
    private static final int READY_LETTERS = 512;

    private final Captchas captchas;
    private final CaptchaRenderer renderer;
    private final LetterVoice voice;
    private final RoundRetention retention;
    private final Duration ttl;
    private final int length;
    private final Optional<String> fixedAnswer;
    private final Optional<String> loadTestKey;
    private final ExecutorService renderers = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            Thread.ofPlatform().name("captcha-", 0).daemon().factory());
    private final BlockingQueue<Drawn> ready = new ArrayBlockingQueue<>(READY_LETTERS);
    private final AtomicBoolean refilling = new AtomicBoolean();

    /**
     * {@code ttl}: how long an issued letter may be answered; {@code length}: its characters; {@code fixedAnswer}
     * (tests only) or {@code loadTestKey} (soaks only): how its text is chosen instead of at random.
     */
    public CaptchaService(
            Captchas captchas,
            CaptchaRenderer renderer,
            LetterVoice voice,
            RoundRetention retention,
            Duration ttl,
            int length,
            Optional<String> fixedAnswer,
            Optional<String> loadTestKey) {
        this.captchas = captchas;
        this.renderer = renderer;
        this.voice = voice;
        this.retention = retention;
        this.ttl = ttl;
        this.length = length;
        this.fixedAnswer = fixedAnswer;
        this.loadTestKey = loadTestKey;
        // the first drawing loads the font system (slow, class-init locks): do it now, not under the :00 burst
        ready.offer(draw());
        refill();
    }

    public Letter issue(Round round, String ticketId) {
        Drawn letter = ready.poll();
        refill();
        if (letter == null) {
            letter = drawNow();
        }
        captchas.store(round.id(), letter.captchaId(), new Captchas.Issued(letter.answer(), ticketId), ttl);
        return new Letter(letter.captchaId(), letter.image());
    }

    /** The id is chosen when the letter is drawn, ahead of its issue: with a load-test key, the text depends on it. */
    private Drawn draw() {
        String captchaId = CaptchaId.next().value();
        String answer = textFor(captchaId);
        return new Drawn(captchaId, answer, renderer.render(answer));
    }

    /** The fixed answer (tests only), the load-test key's answer for this letter, or random text (the default). */
    private String textFor(String captchaId) {
        if (fixedAnswer.isPresent()) {
            return fixedAnswer.get();
        }
        return loadTestKey
                .map(key -> LoadTestLetters.answer(key, captchaId, length))
                .orElseGet(() -> renderer.randomText(length));
    }

    /** Tops the ready letters up in the background, one refill at a time. */
    private void refill() {
        if (ready.remainingCapacity() == 0 || !refilling.compareAndSet(false, true)) {
            return;
        }
        try {
            renderers.execute(() -> {
                try {
                    while (ready.remainingCapacity() > 0
                            && !Thread.currentThread().isInterrupted()) {
                        ready.offer(draw());
                    }
                } finally {
                    refilling.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            refilling.set(false); // shutting down
        }
    }

    /**
     * Draws on a small pool of platform threads: java2d rasterises in native code, which would pin the few carrier
     * threads of the request's virtual thread under a burst and stall every other request. When even that cannot
     * keep up, the player is told to retry ({@link LettersBusyException}: 503), never shown a 500.
     */
    private Drawn drawNow() {
        Future<Drawn> image;
        try {
            image = renderers.submit(this::draw);
        } catch (RejectedExecutionException e) {
            throw new LettersBusyException();
        }
        try {
            return image.get(RENDER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LettersBusyException();
        } catch (TimeoutException e) {
            image.cancel(true);
            throw new LettersBusyException();
        } catch (ExecutionException e) {
            throw new IllegalStateException("drawing a security letter failed", e);
        }
    }

    /** Stops drawing letters (the application is shutting down). */
    public void stop() {
        renderers.shutdownNow();
    }

    /** A drawn letter not yet given to anyone. */
    private record Drawn(String captchaId, String answer, String image) {}

    public LetterAnswer answer(Round round, String ticketId, String captchaId, String answer) {
        if (!CaptchaId.looksValid(captchaId)) {
            return LetterAnswer.UNKNOWN;
        }
        String given = answer == null ? "" : answer.strip().toUpperCase(Locale.ROOT);
        return captchas.answer(
                round.id(), captchaId, ticketId, given, retention.clock().now(), retention.ttl(round));
    }

    /**
     * The letter {@code captchaId} of {@code ticketId} read aloud (a WAV file), for a player who cannot see its picture;
     * empty when it is no letter of that ticket that can still be answered. Hearing it does not use it up.
     */
    public Optional<byte[]> audio(Round round, String ticketId, String captchaId) {
        if (!CaptchaId.looksValid(captchaId)) {
            return Optional.empty();
        }
        return captchas.find(round.id(), captchaId)
                .filter(letter -> letter.ticketId().equals(ticketId))
                .map(letter -> voice.speak(letter.answer()));
    }

    /** An issued letter: its id and the picture. */
    public record Letter(String captchaId, String image) {}
}
