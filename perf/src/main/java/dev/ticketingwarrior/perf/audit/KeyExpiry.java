package dev.ticketingwarrior.perf.audit;

import java.util.List;

/** The expiry of round keys: which keys carrying a round's hash tag {@code {r:<roundId>}} never expire. */
interface KeyExpiry {

    /** Every key containing a round hash tag that has no TTL. */
    List<String> roundKeysWithoutTtl();
}
