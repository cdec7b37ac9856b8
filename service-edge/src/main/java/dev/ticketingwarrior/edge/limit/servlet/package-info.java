/** The limit on failed authentication as a servlet filter. */
package dev.ticketingwarrior.edge.limit.servlet;
