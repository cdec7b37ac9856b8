package dev.ticketingwarrior.booking.player.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The shared {@code X-Bot-Key} secret, compared in constant time. */
record BotKey(String secret) {

    boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
