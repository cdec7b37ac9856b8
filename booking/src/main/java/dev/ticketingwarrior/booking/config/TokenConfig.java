package dev.ticketingwarrior.booking.config;

import dev.ticketingwarrior.booking.player.JwksVerificationKeys;
import dev.ticketingwarrior.shared.token.AdmissionTokenVerifier;
import dev.ticketingwarrior.shared.token.TokenKeys;
import dev.ticketingwarrior.shared.token.VerificationKeys;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Token verification keys: a configured JWK set ({@code TICKETING_TOKEN_KEYS}, e.g. from Secrets Manager) wins;
 * otherwise the admission service's JWKS, fetched over HTTP and cached.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfig {

    private static final Logger log = LoggerFactory.getLogger(TokenConfig.class);

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
        log.info("verifying admission tokens with the JWKS at {}", token.jwksUrl());
        return new JwksVerificationKeys(token.jwksUrl(), token.jwksTimeout(), token.jwksMinRefresh(), clock);
    }

    @Bean
    AdmissionTokenVerifier admissionTokenVerifier(VerificationKeys keys, BookingProperties properties, Clock clock) {
        return new AdmissionTokenVerifier(
                keys, properties.token().issuer(), clock, properties.token().allowedSkew());
    }
}
