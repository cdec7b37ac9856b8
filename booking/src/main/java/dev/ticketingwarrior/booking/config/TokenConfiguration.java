package dev.ticketingwarrior.booking.config;

import com.nimbusds.jose.jwk.ECKey;
import dev.ticketingwarrior.booking.player.domain.VerifiedTokens;
import dev.ticketingwarrior.booking.player.http.JwksVerificationKeys;
import dev.ticketingwarrior.shared.token.AdmissionTokenVerifier;
import dev.ticketingwarrior.shared.token.TokenKeys;
import dev.ticketingwarrior.shared.token.VerificationKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Token verification keys: a configured JWK set ({@code TICKETING_TOKEN_KEYS}, e.g. from Secrets Manager) wins; then
 * admission's local key file ({@code TICKETING_TOKEN_KEYS_FILE}, read or created exactly as admission does, so
 * whichever service starts first makes the one shared dev key); otherwise the admission service's JWKS, fetched over
 * HTTP and cached.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);

    @Bean
    VerificationKeys verificationKeys(BookingProperties properties, Clock clock) {
        BookingProperties.Token token = properties.token();
        if (token.keys() != null && !token.keys().isBlank()) {
            TokenKeys keys = TokenKeys.fromJwkSetJson(token.keys());
            log.info(
                    "verifying admission tokens with {} configured key(s)",
                    keys.keys().size());
            return keys;
        }
        if (token.keysFile() != null && !token.keysFile().isBlank()) {
            Path file = Path.of(token.keysFile());
            try {
                TokenKeys devKeys = TokenKeys.loadOrCreateDevKeys(file, clock.instant());
                // only the public halves are kept: booking verifies, it never signs
                TokenKeys keys = TokenKeys.of(
                        devKeys.keys().stream().map(ECKey::toPublicJWK).toList());
                log.info(
                        "verifying admission tokens with {} key(s) of the key file {}",
                        keys.keys().size(),
                        file.toAbsolutePath());
                return keys;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create the token key file " + file, e);
            }
        }
        log.info("verifying admission tokens with the JWKS at {}", token.jwksUrl());
        return new JwksVerificationKeys(
                token.jwksUrl(), token.jwksTimeout(), token.jwksMinRefresh(), token.jwksMaxAge(), clock);
    }

    @Bean
    AdmissionTokenVerifier admissionTokenVerifier(VerificationKeys keys, BookingProperties properties, Clock clock) {
        return new AdmissionTokenVerifier(
                keys, properties.token().issuer(), clock, properties.token().allowedSkew());
    }

    @Bean
    VerifiedTokens verifiedTokens(AdmissionTokenVerifier verifier, BookingProperties properties, Clock clock) {
        return new VerifiedTokens(
                verifier,
                clock,
                properties.token().allowedSkew(),
                properties.token().verifiedCacheSize());
    }
}
