/** What ops can do: change the admission settings live (audited) and read per-round counts. */
package dev.ticketingwarrior.admission.admin.domain;
