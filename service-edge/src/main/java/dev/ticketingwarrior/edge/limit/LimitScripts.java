package dev.ticketingwarrior.edge.limit;

import dev.ticketingwarrior.edge.lua.LuaScripts;
import java.util.List;

/** The Lua scripts behind every adapter of {@link ReactiveBudgets} and {@link Budgets}, whatever its Redis client. */
public final class LimitScripts {

    /** KEYS counter; ARGV window ms, spend (0 = look). Returns {count, ms left}. */
    public static final String FIXED_WINDOW = LuaScripts.read("/scripts/edge/limit/fixed-window.lua");

    /** KEYS counter; ARGV slots, ttl ms. Returns 1 taken, 0 full. */
    public static final String SLOT_TAKE = LuaScripts.read("/scripts/edge/limit/slot-take.lua");

    /** KEYS counter. Returns the slots still in use. */
    public static final String SLOT_RELEASE = LuaScripts.read("/scripts/edge/limit/slot-release.lua");

    private LimitScripts() {}

    /** The arguments of {@link #FIXED_WINDOW}. */
    public static List<String> windowArgs(Budget budget, boolean spend) {
        return List.of(Long.toString(budget.window().toMillis()), spend ? "1" : "0");
    }

    /**
     * The decision on the script's {@code {count, ms left}} reply: on the count after spending, or for a look on the
     * count one more request would make.
     */
    public static LimitDecision decide(List<?> reply, Budget budget, boolean spent) {
        long count = ((Number) reply.get(0)).longValue() + (spent ? 0 : 1);
        long left = ((Number) reply.get(1)).longValue();
        return LimitDecision.of(count, left, budget);
    }
}
