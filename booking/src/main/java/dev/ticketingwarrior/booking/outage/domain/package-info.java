/** Whether booking's dependencies answer it: what ops read beside the confirmations waiting for MySQL. */
package dev.ticketingwarrior.booking.outage.domain;
