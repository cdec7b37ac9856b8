/** Admission tokens: ES256 JWTs with a {@code kid}, issued by admission and verified by booking via the JWKS. */
package dev.ticketingwarrior.shared.token;
