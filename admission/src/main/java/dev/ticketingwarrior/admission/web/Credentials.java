package dev.ticketingwarrior.admission.web;

/** The two shared secrets the API checks: the ops bearer token and the bots' {@code X-Bot-Key}. */
public record Credentials(SharedSecret opsToken, SharedSecret botKey) {}
