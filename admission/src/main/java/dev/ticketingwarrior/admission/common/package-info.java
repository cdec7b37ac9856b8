/** Types every feature of the admission service shares, free of any framework. */
package dev.ticketingwarrior.admission.common;
