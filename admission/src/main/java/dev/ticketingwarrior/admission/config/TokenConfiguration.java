package dev.ticketingwarrior.admission.config;

import dev.ticketingwarrior.admission.queue.domain.TokenMinter;
import dev.ticketingwarrior.admission.token.jwt.SignedTokenMinter;
import dev.ticketingwarrior.shared.token.AdmissionTokenIssuer;
import dev.ticketingwarrior.shared.token.TokenKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The token signing keys: {@code TICKETING_TOKEN_KEYS} (a JWK set; in AWS from Secrets Manager) when set. Otherwise,
 * on a laptop, the local dev key file, created on first start and shared by every local service; in the {@code aws}
 * profile there is no otherwise: start-up stops and says what is missing, as for the ops token and the bot key.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);

    @Bean
    TokenKeys tokenKeys(AdmissionProperties properties, Clock clock, Environment environment) {
        return tokenKeys(properties.token(), clock.instant(), !environment.matchesProfiles("aws"));
    }

    /** {@code devKeysAllowed}: without configured keys, the dev key file (a laptop); else start-up stops. */
    static TokenKeys tokenKeys(AdmissionProperties.Token token, Instant now, boolean devKeysAllowed) {
        if (!token.keys().isBlank()) {
            try {
                TokenKeys keys = TokenKeys.fromJwkSetJson(token.keys());
                log.info(
                        "token keys from configuration: signing kid {}",
                        keys.signingKeyAt(now).getKeyID());
                keys.keys().stream()
                        .filter(key -> key.getNotBeforeTime() != null
                                && key.getNotBeforeTime().toInstant().isAfter(now))
                        .forEach(key -> log.info(
                                "token key {} is published and signs from {} (its nbf)",
                                key.getKeyID(),
                                key.getNotBeforeTime().toInstant()));
                return keys;
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("TICKETING_TOKEN_KEYS is not a valid ES256 JWK set", e);
            }
        }
        if (!devKeysAllowed) {
            throw new IllegalStateException("TICKETING_TOKEN_KEYS is not set. The token signing keys have no default"
                    + " outside development (no dev key is generated): set it (in AWS the secret"
                    + " <TICKETING_SECRETS_PREFIX>token-keys in Secrets Manager, {\"TICKETING_TOKEN_KEYS\": \"<JWK set>\"})"
                    + " and start again.");
        }
        try {
            TokenKeys keys = TokenKeys.loadOrCreateDevKeys(token.keysFile(), now);
            log.warn(
                    "token keys from the dev key file {} (signing kid {})",
                    token.keysFile().toAbsolutePath(),
                    keys.signingKeyAt(now).getKeyID());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the dev key file " + token.keysFile(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the dev key file " + token.keysFile() + " is not a valid JWK set", e);
        }
    }

    @Bean
    AdmissionTokenIssuer admissionTokenIssuer(TokenKeys keys, AdmissionProperties properties) {
        return new AdmissionTokenIssuer(keys, properties.token().issuer());
    }

    @Bean
    TokenMinter tokenMinter(AdmissionTokenIssuer issuer, AdmissionProperties properties) {
        return new SignedTokenMinter(issuer, properties.token().grace());
    }
}
