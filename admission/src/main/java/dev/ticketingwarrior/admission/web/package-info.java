/** The HTTP edge shared by every feature: RFC 9457 problem responses and the request body limit. */
package dev.ticketingwarrior.admission.web;
