package dev.ticketingwarrior.admission.queue.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The waiting room's Lua scripts, read once at start. Each advancing script is {@code serving.lua} followed by its own
 * body; Spring Data runs them by EVALSHA and falls back to EVAL only when the server has not cached the script yet.
 */
final class Scripts {

    @SuppressWarnings("rawtypes")
    static final RedisScript<List> ENTER = serving("enter.lua");

    @SuppressWarnings("rawtypes")
    static final RedisScript<List> STANDING = serving("standing.lua");

    @SuppressWarnings("rawtypes")
    static final RedisScript<List> ADVANCE = serving("advance.lua");

    @SuppressWarnings("rawtypes")
    static final RedisScript<List> STATS = serving("stats.lua");

    static final RedisScript<Long> APPLY_SETTINGS =
            RedisScript.of(read("serving.lua") + "\n" + read("apply-settings.lua"), Long.class);

    static final RedisScript<String> KEEP_TOKEN = RedisScript.of(read("keep-token.lua"), String.class);

    private Scripts() {}

    @SuppressWarnings("rawtypes")
    private static RedisScript<List> serving(String body) {
        return RedisScript.of(read("serving.lua") + "\n" + read(body), List.class);
    }

    static String read(String name) {
        try (InputStream in = Scripts.class.getResourceAsStream("/scripts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
