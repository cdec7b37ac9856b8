package dev.ticketingwarrior.booking.captcha.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The security letter's Lua script ({@code /scripts/captcha/*.lua}, documented with its KEYS and ARGV), read once at
 * start, the same way as the sale's.
 */
final class Scripts {

    static final String TAKE = read("take.lua");

    private Scripts() {}

    static String read(String name) {
        try (InputStream in = Scripts.class.getResourceAsStream("/scripts/captcha/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
