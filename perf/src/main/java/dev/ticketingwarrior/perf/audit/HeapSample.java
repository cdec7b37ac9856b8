package dev.ticketingwarrior.perf.audit;

import java.util.OptionalDouble;

/**
 * One service's memory after a round: the heap in use right after a forced full collection, in MiB ({@code NaN} when
 * it could not be read), and the process's resident set, in MiB (empty for a remote service).
 */
public record HeapSample(String service, double heapAfterGcMb, OptionalDouble rssMb) {

    /** Whether the heap could be read. */
    public boolean measured() {
        return !Double.isNaN(heapAfterGcMb);
    }
}
