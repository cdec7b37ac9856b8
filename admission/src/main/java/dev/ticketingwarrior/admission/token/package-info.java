/** Admission tokens: signing admitted tickets with the newest key ({@code jwt}) and publishing the public keys ({@code web}). */
package dev.ticketingwarrior.admission.token;
