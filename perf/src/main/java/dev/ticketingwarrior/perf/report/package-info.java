/** The soak report: one HTML page of charts drawn from summary.json. */
package dev.ticketingwarrior.perf.report;
