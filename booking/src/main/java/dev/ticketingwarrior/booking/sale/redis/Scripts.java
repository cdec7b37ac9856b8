package dev.ticketingwarrior.booking.sale.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The sale's Lua scripts ({@code /scripts/sale/*.lua}, each documented with its KEYS and ARGV), read once at start.
 * The functions several scripts share ({@code answer.lua}, {@code close-hold.lua}) are prepended to them. Redisson
 * runs a script by EVALSHA and sends its text only when the server has not cached it yet.
 */
final class Scripts {

    static final String SELL = read("answer.lua") + read("sell.lua");
    static final String COMPLETE = read("answer.lua") + read("close-hold.lua") + read("complete.lua");
    static final String RESOLVE = read("answer.lua") + read("resolve.lua");
    static final String UNDO = read("undo.lua");
    static final String REGISTER_HOLD = read("register-hold.lua");
    static final String RELEASE_HOLD = read("close-hold.lua") + read("release-hold.lua");
    static final String REPORT_ABANDONED = read("report-abandoned.lua");

    private Scripts() {}

    static String read(String name) {
        try (InputStream in = Scripts.class.getResourceAsStream("/scripts/sale/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
