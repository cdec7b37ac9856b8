/** The budgets on Spring Data Redis (reactive Lettuce), for admission and bot-runner. */
package dev.ticketingwarrior.edge.limit.redis;
