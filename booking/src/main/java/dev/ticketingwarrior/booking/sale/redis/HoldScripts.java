package dev.ticketingwarrior.booking.sale.redis;

/**
 * Lua shared by the scripts that end a hold: releasing it (holds) and booking it (sales) must clear exactly the same
 * keys, so both scripts start with this function instead of each keeping its own copy.
 */
final class HoldScripts {

    /**
     * {@code close_hold(lock, held, hold, ticketHold, finished, owner, seat, ticket, holdId, finishedFlag,
     * retentionMs)}: deletes the hold's record, its lock if still owned by {@code owner}, its entry in the held-seats
     * map and the ticket's pointer if they are still this hold's; with {@code finishedFlag == '1'} adds the ticket to
     * the round's finished players. Returns 1 if the hold's record still existed.
     */
    static final String CLOSE_HOLD_FUNCTION = """
            local function close_hold(lock, held, hold, ticketHold, finished, owner, seat, ticket, holdId, finishedFlag,
                retentionMs)
              local existed = redis.call('del', hold)
              if redis.call('hexists', lock, owner) == 1 then redis.call('del', lock) end
              local entry = redis.call('hget', held, seat)
              if entry and string.find(entry, holdId .. '|', 1, true) == 1 then redis.call('hdel', held, seat) end
              if redis.call('hget', ticketHold, ticket) == holdId then redis.call('hdel', ticketHold, ticket) end
              if finishedFlag == '1' then
                redis.call('sadd', finished, ticket)
                redis.call('pexpire', finished, retentionMs)
              end
              return existed
            end
            """;

    private HoldScripts() {}
}
