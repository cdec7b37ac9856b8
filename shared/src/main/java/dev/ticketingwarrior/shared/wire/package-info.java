/** Wire contracts shared by services: key names, record formats and the ticket seal both admission and booking use. */
package dev.ticketingwarrior.shared.wire;
