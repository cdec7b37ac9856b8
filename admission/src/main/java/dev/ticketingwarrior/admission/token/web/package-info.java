/** Publishes the token verification keys at {@code /.well-known/jwks.json}. */
package dev.ticketingwarrior.admission.token.web;
