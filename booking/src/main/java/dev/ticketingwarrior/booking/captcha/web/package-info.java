/** The security letter's HTTP API: issue a letter, answer it. */
package dev.ticketingwarrior.booking.captcha.web;
