/** The ops admin API: live admission settings and per-round stats, behind the ops bearer token. */
package dev.ticketingwarrior.admission.admin.web;
