/** Tools the fault drills of {@code perf/faults} use: a TCP proxy that injects latency in front of a data server. */
package dev.ticketingwarrior.perf.faults;
