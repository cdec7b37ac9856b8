/** The ops throttle: the admission settings and where every instance reads them from. */
package dev.ticketingwarrior.admission.throttle.domain;
