/** perf/soak's runner: the simulation and the auditor in one JVM, the per-round table and summary.json. */
package dev.ticketingwarrior.perf.soak;
