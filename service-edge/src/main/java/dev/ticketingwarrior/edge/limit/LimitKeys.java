package dev.ticketingwarrior.edge.limit;

/**
 * Names of the counters: {@code limits:<rule>:{<client>}}. The client is the hash tag, so a cluster keeps each
 * client's counters in one slot. Clients are addresses or ids the service already parsed; anything longer than an
 * IPv6 literal with a prefix is cut, so no request can name a huge key.
 */
public final class LimitKeys {

    private static final int MAX_CLIENT = 64;

    private LimitKeys() {}

    public static String key(String rule, String client) {
        String bounded = client.length() > MAX_CLIENT ? client.substring(0, MAX_CLIENT) : client;
        // braces would end the hash tag early
        return "limits:" + rule + ":{" + bounded.replace('{', '_').replace('}', '_') + "}";
    }
}
