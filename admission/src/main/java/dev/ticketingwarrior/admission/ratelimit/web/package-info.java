/** Who the client is: its address, believing CloudFront-Viewer-Address or X-Forwarded-For only from trusted proxies. */
package dev.ticketingwarrior.admission.ratelimit.web;
