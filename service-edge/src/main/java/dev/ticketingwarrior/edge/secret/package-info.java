/**
 * Shared secrets (the ops token, the bot key) as configured: checked in constant time, never empty; the Valkey user
 * required in AWS.
 */
package dev.ticketingwarrior.edge.secret;
