/** The embedded local data stack (Redis, MariaDB, ElasticMQ) that scripts/run and the integration tests start. */
package dev.ticketingwarrior.localstack;
