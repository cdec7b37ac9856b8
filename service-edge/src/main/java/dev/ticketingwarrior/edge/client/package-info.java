/**
 * Who the client is: its address, believing CloudFront-Viewer-Address or X-Forwarded-For only from trusted proxies;
 * for both web stacks.
 */
package dev.ticketingwarrior.edge.client;
