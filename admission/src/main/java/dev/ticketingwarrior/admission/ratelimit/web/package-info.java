/** Who the client is: its address, believing X-Forwarded-For only from trusted proxies. */
package dev.ticketingwarrior.admission.ratelimit.web;
