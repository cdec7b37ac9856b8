/** Work that runs in the background exactly while the application context runs. */
package dev.ticketingwarrior.edge.task;
