/** The edge of a Spring MVC service: problem advice, problem responses for controllers, the body-size filter. */
package dev.ticketingwarrior.edge.servlet;
