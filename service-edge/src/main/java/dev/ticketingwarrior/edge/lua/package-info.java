/** Lua scripts kept as {@code .lua} class-path resources, each headed by its KEYS and ARGV. */
package dev.ticketingwarrior.edge.lua;
