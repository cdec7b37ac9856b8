package dev.ticketingwarrior.admission.token.web;

import dev.ticketingwarrior.shared.token.TokenKeys;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public JWKS that verifies admission tokens; computed once, it only changes with a restart (key rotation). */
@RestController
class JwksController {

    private final String jwks;

    JwksController(TokenKeys keys) {
        this.jwks = keys.publicJwksJson();
    }

    @Operation(
            summary = "Public keys (JWKS) that verify admission tokens",
            description = "429 rate-limited (with Retry-After) past the address's budget of key reads.")
    @GetMapping(value = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .contentType(MediaType.APPLICATION_JSON)
                .body(jwks);
    }
}
