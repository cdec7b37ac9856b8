/** The waiting room's HTTP API: entry, standing and the live event stream. */
package dev.ticketingwarrior.admission.queue.web;
