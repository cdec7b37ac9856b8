/**
 * Admission tokens: signing admitted tickets with the newest key (in {@code jwt}) and publishing the public keys (in
 * {@code web}).
 */
package dev.ticketingwarrior.admission.token;
