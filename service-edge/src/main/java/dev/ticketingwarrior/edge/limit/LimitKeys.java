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
        return "limits:" + rule + ":{" + client(client) + "}";
    }

    /** A client as a part of a key: cut to its first 64 characters, without braces (they would end a hash tag). */
    public static String client(String client) {
        String bounded = client.length() > MAX_CLIENT ? client.substring(0, MAX_CLIENT) : client;
        return bounded.replace('{', '_').replace('}', '_');
    }
}
