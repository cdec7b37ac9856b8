/** Problem+json bodies whose {@code type} is always one of the stable {@code ProblemType} URIs, for both web stacks. */
package dev.ticketingwarrior.edge.problem;
