package dev.ticketingwarrior.booking.sale.redis;

import dev.ticketingwarrior.edge.lua.LuaScripts;

/**
 * The sale's Lua scripts ({@code /scripts/sale/*.lua}, each documented with its KEYS and ARGV), read once at start.
 * The functions several scripts share ({@code answer.lua}, {@code close-hold.lua}, the player's
 * {@code /scripts/player/sign-of-life.lua} and shared's {@code /scripts/round/released.lua}) are prepended to them. Redisson
 * runs a script by EVALSHA and sends its text only when the server has not cached it yet.
 */
final class Scripts {

    static final String SELL = read("answer.lua", "sell.lua");
    static final String COMPLETE = read("answer.lua", "close-hold.lua", "complete.lua");
    static final String RESOLVE = read("answer.lua", "resolve.lua");
    static final String UNDO = read("undo.lua");
    static final String CLAIM_OPEN = read("claim-open.lua");
    static final String RESTORE_SOLD = read("restore-sold.lua");
    static final String REGISTER_HOLD = LuaScripts.read(
            "/scripts/round/released.lua", "/scripts/player/sign-of-life.lua", "/scripts/sale/register-hold.lua");
    static final String RELEASE_HOLD = read("close-hold.lua", "release-hold.lua");
    static final String CLEAR_ABANDONED = read("clear-abandoned.lua");
    static final String KEEP_RESOLVED = read("keep-resolved.lua");
    static final String EXPIRING_COUNTER = read("expiring-counter.lua");

    private Scripts() {}

    private static String read(String... names) {
        String[] paths = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            paths[i] = "/scripts/sale/" + names[i];
        }
        return LuaScripts.read(paths);
    }
}
