package dev.ticketingwarrior.edge.lua;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads Lua scripts from the class path once, at start-up, into plain text that the Redis client sends as it likes
 * (EVALSHA with a cached digest). Several resources in a row make one script: shared helper functions first.
 */
public final class LuaScripts {

    private LuaScripts() {}

    /** The text of the resources at {@code paths} (absolute class-path paths, e.g. {@code /scripts/sale/sell.lua}). */
    public static String read(String... paths) {
        StringBuilder script = new StringBuilder();
        for (String path : paths) {
            try (InputStream in = LuaScripts.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("no Lua script at " + path + " on the class path");
                }
                script.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Lua script " + path, e);
            }
        }
        return script.toString();
    }
}
