package dev.ticketingwarrior.botrunner.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A Lua script of {@code src/main/resources/scripts}, read once. Not {@code RedisScript.of(Resource)}: its SHA-1 is
 * looked up under a lock that checks the resource's modification time on every call — in the executable jar that
 * opens the nested jar each time, and with thousands of bots counting their events all threads queued on that lock
 * (the launch timers fell seconds behind).
 */
public final class LuaScripts {

    private LuaScripts() {}

    public static <T> RedisScript<T> load(String path, Class<T> resultType) {
        try {
            return RedisScript.of(new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8), resultType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lua script " + path, e);
        }
    }
}
