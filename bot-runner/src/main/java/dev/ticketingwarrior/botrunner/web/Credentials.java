package dev.ticketingwarrior.botrunner.web;

/** The ops bearer token the control API checks, and the {@code X-Bot-Key} the bots present. */
public record Credentials(SharedSecret opsToken, SharedSecret botKey) {}
