package dev.ticketingwarrior.shared.token;

import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Instant;
import java.util.Objects;

/**
 * What an admission token says about its holder (SPEC §4): the ticket ({@code sub}), its round ({@code rid}),
 * nickname ({@code nick}), whether it is a bot ({@code bot}), queue number ({@code qn}), when it entered
 * ({@code qat}) and was admitted ({@code adm}), and the token's own {@code iat}, {@code exp} and {@code jti}.
 */
public record AdmissionClaims(
        String ticketId,
        RoundId roundId,
        String nickname,
        boolean bot,
        long queueNumber,
        Instant enteredAt,
        Instant admittedAt,
        Instant issuedAt,
        Instant expiresAt,
        String tokenId) {

    public AdmissionClaims {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(roundId, "roundId");
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(admittedAt, "admittedAt");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(tokenId, "tokenId");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
    }
}
