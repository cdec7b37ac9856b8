package dev.ticketingwarrior.perf.soak;

import dev.ticketingwarrior.perf.audit.HeapSample;
import dev.ticketingwarrior.perf.audit.HeapSampler;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service's heap after a full collection and its resident set, in MB (either may be unknown), read from its process
 * {@code pid} (another than the last round's after a drill restarted it).
 */
record HeapReading(OptionalDouble heapMb, OptionalDouble rssMb, long pid) {

    /**
     * Every service of a local run, by its pid (forced collection, heap after it, RSS). A deployment elsewhere keeps
     * its actuators off the public ALB, so its heap is not sampled here (CloudWatch has it).
     */
    static Map<String, HeapReading> all(SoakOptions options, List<String> skipped) {
        Map<String, HeapReading> readings = new LinkedHashMap<>();
        // read every sampling window: each note is said once
        Consumer<String> note = line -> {
            if (!skipped.contains(line)) {
                skipped.add(line);
            }
        };
        if (options.currentPids().isEmpty()) {
            note.accept("heap: no local service pids (a --target run), heap and RSS not sampled");
            return readings;
        }
        HeapSampler sampler = new HeapSampler(note);
        options.currentPids().forEach((service, pid) -> {
            String url = currentUrl(options, service, pid);
            HeapSample sample = sampler.sample(
                    service, OptionalLong.of(pid), url.isBlank() ? Optional.empty() : Optional.of(URI.create(url)));
            readings.put(
                    service,
                    new HeapReading(
                            sample.measured() ? OptionalDouble.of(sample.heapAfterGcMb()) : OptionalDouble.empty(),
                            sample.rssMb(),
                            pid));
        });
        return readings;
    }

    /**
     * Where the local {@code service} ({@code pid}, null when unknown) listens now: its command line's port (right also
     * after a drill restarted it on another one), else the URL the run began with; blank when unknown.
     */
    static String currentUrl(SoakOptions options, String service, Long pid) {
        return Optional.ofNullable(pid)
                .flatMap(HeapReading::listeningOn)
                .orElseGet(() -> actuatorUrl(options, service));
    }

    /**
     * The local service's own address, from the {@code --server.port=} of its command line: right also when the soak's
     * URLs name a load balancer in front of it, or after a drill started it again on another port.
     */
    static Optional<String> listeningOn(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(process -> process.info().arguments())
                .flatMap(HeapReading::serverPort)
                .map(port -> "http://127.0.0.1:" + port);
    }

    static Optional<String> serverPort(String[] arguments) {
        return Arrays.stream(arguments)
                .filter(argument -> argument.startsWith(SERVER_PORT))
                .map(argument -> argument.substring(SERVER_PORT.length()))
                .filter(port -> port.matches("\\d{1,5}"))
                .reduce((first, last) -> last);
    }

    private static final String SERVER_PORT = "--server.port=";

    /**
     * Where a local service's actuator is, when its command line does not say: {@code admission}, {@code booking}, {@code bot-runner}, and with
     * {@code --instances 2} also {@code admission-2} and {@code booking-2} (the second URL of their list). Empty when
     * unknown: the sampler then reads the heap through {@code jcmd} alone.
     */
    static String actuatorUrl(SoakOptions options, String service) {
        Matcher numbered = NUMBERED.matcher(service);
        String base = numbered.matches() ? numbered.group(1) : service;
        int index = numbered.matches() ? Integer.parseInt(numbered.group(2)) - 1 : 0;
        List<String> urls = switch (base) {
            case "admission" -> options.admissionUrls();
            case "booking" -> options.bookingUrls();
            case "bot-runner" -> index == 0 ? options.botRunnerUrl().stream().toList() : List.of();
            default -> List.of();
        };
        return index < urls.size() ? urls.get(index) : "";
    }

    private static final Pattern NUMBERED = Pattern.compile("(.+)-(\\d+)");
}
