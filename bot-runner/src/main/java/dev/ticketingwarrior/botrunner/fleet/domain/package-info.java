/** Sharing {@code perRound} across instances and launching each bot within its round. */
package dev.ticketingwarrior.botrunner.fleet.domain;
