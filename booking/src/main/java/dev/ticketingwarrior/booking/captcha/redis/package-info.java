/** Issued letters and solved tickets in Redis, under the round's hash tag. */
package dev.ticketingwarrior.booking.captcha.redis;
