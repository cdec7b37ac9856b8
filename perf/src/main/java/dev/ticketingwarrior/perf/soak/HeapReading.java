package dev.ticketingwarrior.perf.soak;

import dev.ticketingwarrior.perf.audit.HeapSample;
import dev.ticketingwarrior.perf.audit.HeapSampler;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** One service's heap after a full collection and its resident set, in MB; either may be unknown. */
record HeapReading(OptionalDouble heapMb, OptionalDouble rssMb) {

    /**
     * Every service of a local run, by its pid (forced collection, heap after it, RSS). A deployment elsewhere keeps
     * its actuators off the public ALB, so its heap is not sampled here (CloudWatch has it).
     */
    static Map<String, HeapReading> all(SoakOptions options, List<String> skipped) {
        Map<String, HeapReading> readings = new LinkedHashMap<>();
        if (options.currentPids().isEmpty()) {
            skipped.add("heap: no local service pids (a --target run), heap and RSS not sampled");
            return readings;
        }
        HeapSampler sampler = new HeapSampler(note -> {
            if (!skipped.contains(note)) {
                skipped.add(note);
            }
        });
        Map<String, String> urls = Map.of(
                "admission", options.admissionUrl(),
                "booking", options.bookingUrl(),
                "bot-runner", options.botRunnerUrl().orElse(""));
        options.currentPids().forEach((service, pid) -> {
            String url = urls.getOrDefault(service, "");
            HeapSample sample = sampler.sample(
                    service, OptionalLong.of(pid), url.isBlank() ? Optional.empty() : Optional.of(URI.create(url)));
            readings.put(
                    service,
                    new HeapReading(
                            sample.measured() ? OptionalDouble.of(sample.heapAfterGcMb()) : OptionalDouble.empty(),
                            sample.rssMb()));
        });
        return readings;
    }
}
