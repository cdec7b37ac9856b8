/** The booking service of Ticketing-Warrior: seats, security letter, holds, bookings through SQS into MySQL, results and rank. */
package dev.ticketingwarrior.booking;
