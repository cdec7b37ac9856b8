package dev.ticketingwarrior.booking.captcha.web;

import dev.ticketingwarrior.booking.captcha.domain.CaptchaService;
import dev.ticketingwarrior.booking.captcha.domain.LettersBusyException;
import dev.ticketingwarrior.booking.debrief.domain.AttemptRecorder;
import dev.ticketingwarrior.booking.player.domain.Player;
import dev.ticketingwarrior.booking.player.web.PlayerLimits;
import dev.ticketingwarrior.booking.player.web.RoundGate;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.shared.round.Round;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@SecurityRequirement(name = "admission-token")
class CaptchaController {

    private static final MediaType AUDIO_WAV = MediaType.parseMediaType("audio/wav");

    private final CaptchaService captchas;
    private final RoundGate gate;
    private final PlayerLimits limits;
    private final AttemptRecorder attempts;

    CaptchaController(CaptchaService captchas, RoundGate gate, PlayerLimits limits, AttemptRecorder attempts) {
        this.captchas = captchas;
        this.gate = gate;
        this.limits = limits;
        this.attempts = attempts;
    }

    @Operation(
            summary = "Issue a security letter: {captchaId, image (PNG data URL)}",
            description = "429 rate-limited (with Retry-After) past the ticket's budget of letters")
    @ApiResponse(
            responseCode = "201",
            content = @Content(schema = @Schema(implementation = CaptchaService.Letter.class)))
    @PostMapping("/api/v1/captcha")
    ResponseEntity<CaptchaService.Letter> issue(Player player) {
        limits.spend(PlayerLimits.Action.LETTER, player);
        Round round = gate.requireOpen(player, null);
        try {
            CaptchaService.Letter letter = captchas.issue(round, player.ticketId());
            attempts.letterIssued(round, player);
            return ResponseEntity.status(HttpStatus.CREATED).body(letter);
        } catch (LettersBusyException e) {
            throw ProblemException.retryAfter(ProblemType.SERVICE_UNAVAILABLE, e.getMessage(), Duration.ofSeconds(1));
        }
    }

    @Operation(
            summary = "Hear a security letter: its characters read aloud, one by one (audio/wav)",
            description = "For players who cannot see the picture: the same letter, each letter by its NATO spelling"
                    + " alphabet word (Charlie for C: type its first letter), each digit by its English name. Hearing it does not use it up; answer it as usual. 404 unknown-captcha when it is not an"
                    + " open letter of this ticket (answered, expired, another's); 429 rate-limited (with Retry-After)"
                    + " past the ticket's budget of letters, which each hearing spends from; 503 with Retry-After when"
                    + " the voice is busy")
    @ApiResponse(
            responseCode = "200",
            content = @Content(mediaType = "audio/wav", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/captcha/{captchaId}/audio")
    ResponseEntity<byte[]> audio(Player player, @PathVariable String captchaId) {
        limits.spend(PlayerLimits.Action.LETTER, player);
        Round round = gate.requireOpen(player, null);
        try {
            return captchas.audio(round, player.ticketId(), captchaId)
                    .map(wav -> ResponseEntity.ok()
                            .contentType(AUDIO_WAV)
                            .cacheControl(CacheControl.noStore())
                            .body(wav))
                    .orElseThrow(() ->
                            ProblemException.of(ProblemType.UNKNOWN_CAPTCHA, "no open security letter " + captchaId));
        } catch (LettersBusyException e) {
            throw ProblemException.retryAfter(ProblemType.SERVICE_UNAVAILABLE, e.getMessage(), Duration.ofSeconds(1));
        }
    }

    @Operation(
            summary = "Answer a letter: 204, or 422 wrong-answer (the letter is used up either way)",
            description = "The answer is the text in the picture, case-insensitive. Only while a soak runs with"
                    + " TICKETING_CAPTCHA_LOAD_TEST_KEY set (off by default) does a letter read"
                    + " LoadTestLetters.answer(key, captchaId, length), so the load tool can answer it here. 403"
                    + " place-released when admission timed the player out (no move for its active timeout) and the"
                    + " round has no room under maxActive to take it back (the letter is not used up). 429"
                    + " rate-limited (with Retry-After) past the ticket's budget of answers.")
    @ApiResponse(
            responseCode = "204",
            description = "Solved: holds are open to this ticket. The same right answer sent again (its reply was"
                    + " lost) is 204 too; another ticket's letter is 404 unknown-captcha and is not used up")
    @PostMapping("/api/v1/captcha/{captchaId}")
    ResponseEntity<Void> answer(
            Player player, @PathVariable String captchaId, @Valid @RequestBody AnswerRequest request) {
        limits.spend(PlayerLimits.Action.ANSWER, player);
        Round round = gate.requireOpen(player, null);
        return switch (captchas.answer(round, player.ticketId(), captchaId, request.answer())) {
            case SOLVED -> {
                attempts.letterAnswered(round, player, true);
                yield ResponseEntity.noContent().build();
            }
            // the reply to a right answer was lost and it came again: solved already, the debrief keeps the first
            case REPEATED -> ResponseEntity.noContent().build();
            case WRONG -> {
                attempts.letterAnswered(round, player, false);
                throw ProblemException.of(ProblemType.WRONG_ANSWER, "wrong answer: request a new security letter");
            }
            case UNKNOWN ->
                throw ProblemException.of(ProblemType.UNKNOWN_CAPTCHA, "no open security letter " + captchaId);
            case RELEASED -> throw gate.placeReleased(round);
        };
    }

    record AnswerRequest(@NotNull @Size(max = 32) String answer) {}
}
