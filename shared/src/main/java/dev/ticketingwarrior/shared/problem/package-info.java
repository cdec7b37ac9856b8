/** The RFC 9457 problem types every service answers with, named once for all of them. */
package dev.ticketingwarrior.shared.problem;
