package dev.ticketingwarrior.admission.queue.redis;

import dev.ticketingwarrior.edge.lua.LuaScripts;
import java.util.List;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The waiting room's Lua scripts ({@code /scripts/queue/*.lua}, each documented with its KEYS and ARGV), read once at
 * start. Each advancing script is shared's {@code /scripts/round/released.lua}, then {@code serving.lua}, then its own
 * body; Spring Data runs them by EVALSHA and falls back to EVAL only when the server has not cached the script yet.
 */
final class Scripts {

    /** Who left the round (shared: booking counts them with it too). */
    private static final String RELEASED = "/scripts/round/released.lua";

    private static final String SERVING = "/scripts/queue/serving.lua";

    @SuppressWarnings("rawtypes")
    static final RedisScript<List> ENTER = serving("enter.lua");

    @SuppressWarnings("rawtypes")
    static final RedisScript<List> STANDING = serving("standing.lua");

    @SuppressWarnings("rawtypes")
    static final RedisScript<List> ADVANCE = serving("advance.lua");

    @SuppressWarnings("rawtypes")
    static final RedisScript<List> STATS = serving("stats.lua");

    static final RedisScript<Long> APPLY_SETTINGS =
            RedisScript.of(LuaScripts.read(RELEASED, SERVING, "/scripts/queue/apply-settings.lua"), Long.class);

    static final RedisScript<String> KEEP_TOKEN =
            RedisScript.of(LuaScripts.read("/scripts/queue/keep-token.lua"), String.class);

    private Scripts() {}

    @SuppressWarnings("rawtypes")
    private static RedisScript<List> serving(String body) {
        return RedisScript.of(LuaScripts.read(RELEASED, SERVING, "/scripts/queue/" + body), List.class);
    }
}
