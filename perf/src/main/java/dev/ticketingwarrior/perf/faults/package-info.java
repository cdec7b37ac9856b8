/**
 * Tools the fault drills of {@code perf/faults} use: a TCP proxy that injects latency in front of a data server, and a
 * load balancer (the same proxy over a readiness-checked, drainable rotation) in front of a service's instances.
 */
package dev.ticketingwarrior.perf.faults;
