package dev.ticketingwarrior.edge.testing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client addresses for tests of per-address limits, one never handed out twice in a JVM: 198.18.0.0/16 (the benchmark
 * range), hosts .1 to .254, from a random start so that two runs against one kept Redis rarely share a counter. Random
 * addresses drawn one by one would now and then repeat one whose budget an earlier test spent.
 */
public final class ClientAddresses {

    private static final int HOSTS = 256 * 254;
    private static final AtomicInteger NEXT =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(HOSTS));

    private ClientAddresses() {}

    public static String next() {
        int n = Math.floorMod(NEXT.getAndIncrement(), HOSTS);
        return "198.18." + n / 254 + "." + (1 + n % 254);
    }
}
