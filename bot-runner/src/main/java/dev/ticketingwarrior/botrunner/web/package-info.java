/** The HTTP edge shared by every feature: ops-token check and RFC 9457 problem responses. */
package dev.ticketingwarrior.botrunner.web;
