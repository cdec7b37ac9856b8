package dev.ticketingwarrior.perf.faults;

import java.net.InetSocketAddress;
import java.util.List;

/** Where a proxy sends a new connection: the servers to try, in order, until one accepts it. */
@FunctionalInterface
public interface Upstreams {

    /** The servers for the next connection, best first; empty when none may take it. */
    List<InetSocketAddress> forNewConnection();
}
