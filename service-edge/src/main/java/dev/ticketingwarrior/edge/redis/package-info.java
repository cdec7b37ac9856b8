/** How the services' Redis client is set up, where Spring Boot configures it. */
package dev.ticketingwarrior.edge.redis;
