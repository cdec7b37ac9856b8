/**
 * Logging at the edge: a warning that repeats while a dependency is out said once per interval with how many it stands
 * for ({@code RepeatedWarnings}, {@code RepeatedLinesFilter}), event streams ended by a failure ({@code EndedStreams}),
 * and request paths as a log line shows them: a ticket id without its seal, cut to a length ({@code LoggedPaths}).
 */
package dev.ticketingwarrior.edge.log;
