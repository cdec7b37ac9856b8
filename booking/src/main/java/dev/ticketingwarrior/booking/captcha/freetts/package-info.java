/** The security letter read aloud by FreeTTS, a speech synthesizer in pure Java, into a WAV file in memory. */
package dev.ticketingwarrior.booking.captcha.freetts;
