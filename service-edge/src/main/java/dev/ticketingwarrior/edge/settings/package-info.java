/** Settings that every instance of a service shares through a store and reads on its hot path from memory. */
package dev.ticketingwarrior.edge.settings;
