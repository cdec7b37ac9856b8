/** What identifies a player across services: the nickname rule admission enters by and booking's history reads by. */
package dev.ticketingwarrior.shared.player;
