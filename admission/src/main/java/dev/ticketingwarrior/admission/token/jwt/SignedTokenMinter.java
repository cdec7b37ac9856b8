package dev.ticketingwarrior.admission.token.jwt;

import dev.ticketingwarrior.admission.queue.domain.Ticket;
import dev.ticketingwarrior.admission.queue.domain.TokenMinter;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.token.AdmissionClaims;
import dev.ticketingwarrior.shared.token.AdmissionTokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs an admitted ticket's token (SPEC §4). {@code iat} is the admission instant, so the token says when its holder
 * got in, and {@code exp} is the round's close plus the grace: a token is good for its round only.
 */
public final class SignedTokenMinter implements TokenMinter {

    private final AdmissionTokenIssuer issuer;
    private final Duration grace;

    public SignedTokenMinter(AdmissionTokenIssuer issuer, Duration grace) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    @Override
    public String mint(Ticket ticket, Round round, Instant admittedAt) {
        return issuer.issue(new AdmissionClaims(
                ticket.id().value(),
                round.id(),
                ticket.nickname().value(),
                ticket.bot(),
                ticket.queueNumber(),
                ticket.enteredAt(),
                admittedAt,
                admittedAt,
                round.closesAt().plus(grace),
                UUID.randomUUID().toString()));
    }
}
