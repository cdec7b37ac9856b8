package dev.ticketingwarrior.edge.badinput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Families of probes built around one request, shared by the three services' bad-input runs. */
public final class Probes {

    private Probes() {}

    /** The methods an endpoint does not serve, on its path. */
    public static List<Probe> wrongMethods(String endpoint, String target, List<String[]> headers, String... methods) {
        List<Probe> probes = new ArrayList<>();
        for (String method : methods) {
            probes.add(Probe.of(endpoint, "wrong-method", method, target).headers(headers));
        }
        return probes;
    }

    /** {@code base} (already a bad request) with each set of abusive headers added. */
    public static List<Probe> headerAbuse(Probe base, BadInputs inputs) {
        List<Probe> probes = new ArrayList<>();
        for (List<String[]> set : inputs.headerAbuse()) {
            probes.add(base.category("header-abuse").headers(set));
        }
        return probes;
    }

    /** {@code base} with a header section the HTTP server refuses before any application code runs. */
    public static List<Probe> refusedHeaders(Probe base) {
        List<Probe> probes = new ArrayList<>();
        for (List<String[]> set : BadInputs.refusedHeaders()) {
            probes.add(base.category("refused-header").headers(set));
        }
        return probes;
    }

    /** {@code base} with each bad body (its category is the body's). */
    public static List<Probe> bodies(Probe base, List<BadInputs.Body> bodies) {
        List<Probe> probes = new ArrayList<>();
        for (BadInputs.Body body : bodies) {
            probes.add(base.category(body.category()).body(body.bytes()));
        }
        return probes;
    }

    /** {@code base} (a valid JSON body) sent under each content type a JSON endpoint refuses, and under none. */
    public static List<Probe> wrongContentTypes(Probe base) {
        List<Probe> probes = new ArrayList<>();
        for (String type : BadInputs.wrongContentTypes()) {
            probes.add(base.category("wrong-content-type").header("Content-Type", type));
        }
        return probes;
    }

    /**
     * {@code base} (a JSON endpoint) with chunked bodies whose chunking is broken: a size that is not hex, a bad size
     * after a good chunk. The HTTP server answers them while the application reads. (A body that stops short is a
     * request timeout, which waits out the deadline: the services' {@code BadInputIT}s hold that.)
     */
    public static List<Probe> brokenChunks(Probe base) {
        List<Probe> probes = new ArrayList<>();
        for (String chunked : List.of("zz\r\n{}\r\n0\r\n\r\n", "2\r\n{\"\r\nzz\r\n}\r\n0\r\n\r\n")) {
            probes.add(base.category("broken-chunks")
                    .header("Transfer-Encoding", "chunked")
                    .body(chunked.getBytes(StandardCharsets.US_ASCII)));
        }
        return probes;
    }

    /** {@code base} with each {@code Authorization} value, then without one. */
    public static List<Probe> bearers(Probe base, List<String> values) {
        List<Probe> probes = new ArrayList<>();
        for (String value : values) {
            probes.add(base.category("bad-credential")
                    .header("Authorization", value)
                    .only(401));
        }
        probes.add(base.category("bad-credential").only(401));
        return probes;
    }

    /** {@code base} with {@code Authorization} twice: the right value beside a wrong one, and twice the right one. */
    public static List<Probe> duplicatedAuthorization(Probe base, String right, String wrong) {
        Probe duplicated = base.category("duplicated-credential").only(400, 401);
        return List.of(
                duplicated.header("Authorization", right).header("Authorization", wrong),
                duplicated.header("Authorization", wrong).header("Authorization", right),
                duplicated.header("Authorization", right).header("Authorization", right));
    }

    /**
     * The credential probes of an ops endpoint {@code call}: each wrong bearer and none (401), the right one beside a
     * wrong one, and with the right one the abusive headers (on a method the path does not serve) and the header
     * sections the HTTP server refuses.
     */
    public static List<Probe> opsCredentials(Probe call, String right, List<String> wrongBearers, BadInputs inputs) {
        List<Probe> probes = new ArrayList<>(bearers(call, wrongBearers));
        probes.addAll(duplicatedAuthorization(call, right, "Bearer wrong"));
        // the header-abuse probes bring their own X-Forwarded-For, and a 401 would spend the failed-authentication
        // budget of the shared address the other ITs of the JVM call from: so the right credential, a wrong method
        probes.addAll(headerAbuse(
                Probe.of(call.endpoint(), "header-abuse", "PATCH", call.target())
                        .header("Authorization", right),
                inputs));
        probes.addAll(refusedHeaders(call.header("Authorization", right)));
        return probes;
    }

    /** Paths under {@code prefix} that the HTTP server refuses before routing. */
    public static List<Probe> refusedTargets(String endpoint, String method, String prefix) {
        List<Probe> probes = new ArrayList<>();
        for (String target : BadInputs.refusedTargets(prefix)) {
            probes.add(Probe.of(endpoint, "refused-target", method, target));
        }
        return probes;
    }

    /**
     * {@code path} with query strings whose {@code %} escapes are broken: a 400 problem, never the 500 of a URL decoder
     * that throws (the actuator reads every query parameter).
     */
    public static List<Probe> brokenQueries(String endpoint, String path) {
        List<Probe> probes = new ArrayList<>();
        for (String query : List.of("a=%zz", "a=%", "a=%4", "%=x", "a=b&c=%g0")) {
            probes.add(Probe.of(endpoint, "bad-query", "GET", path + "?" + query));
        }
        return probes;
    }

    /**
     * Targets under {@code prefix} that climb out of it with dot segments, as is or percent-encoded, to what a front
     * routing by prefix never meant to expose (the actuator, the API description): a 400 before any routing.
     */
    public static List<Probe> dotSegments(String endpoint, String prefix) {
        List<Probe> probes = new ArrayList<>();
        for (String climb : List.of(
                "%2e%2e/actuator/prometheus",
                "%2E%2E/%2e%2e/%2e%2e/actuator/health",
                "../actuator/env",
                ".%2e/v3/api-docs",
                "./clock",
                "..;x=1/actuator/metrics",
                "%2e%2e%2factuator/prometheus")) {
            probes.add(Probe.of(endpoint, "dot-segment", "GET", prefix + climb).only(400));
        }
        return probes;
    }

    /** {@code base} asking for representations the endpoint does not have. */
    public static List<Probe> unacceptable(Probe base) {
        List<Probe> probes = new ArrayList<>();
        for (String accept :
                List.of("image/png", "application/xml", "text/csv", "garbage", "application/json;q=x", ",,;")) {
            probes.add(base.category("not-acceptable").header("Accept", accept));
        }
        return probes;
    }
}
