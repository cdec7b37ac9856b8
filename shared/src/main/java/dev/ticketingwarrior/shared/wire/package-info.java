/** Wire contracts shared by services: key names both admission and booking use. */
package dev.ticketingwarrior.shared.wire;
