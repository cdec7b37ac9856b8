/** The ops-controlled bot settings every instance applies live, and the per-round bot statistics. */
package dev.ticketingwarrior.botrunner.control.domain;
