/** The security letter (보안문자): drawn server-side, answered once, required before a hold. */
package dev.ticketingwarrior.booking.captcha.domain;
