package dev.ticketingwarrior.admission.web;

import static dev.ticketingwarrior.edge.badinput.BadInputs.Field.optional;
import static dev.ticketingwarrior.edge.badinput.BadInputs.Field.required;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import dev.ticketingwarrior.edge.badinput.BadInputRun;
import dev.ticketingwarrior.edge.badinput.BadInputs;
import dev.ticketingwarrior.edge.badinput.BadInputs.Field;
import dev.ticketingwarrior.edge.badinput.BadInputs.Kind;
import dev.ticketingwarrior.edge.badinput.Probe;
import dev.ticketingwarrior.edge.badinput.Probes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Generated bad input (fixed seed, {@code -Dbadinput.seed} to vary) against every public endpoint of admission: each
 * answer is a 4xx problem, never a 5xx or a hang, and the service is healthy afterwards. Prints the inputs per
 * endpoint and writes them to {@code target/bad-input/admission.json}.
 */
class BadInputSweepIT extends AdmissionIntegrationTest {

    /** Random variants per family and endpoint, on top of the fixed corpus. */
    private static final int GENERATED = Integer.getInteger("badinput.generated", 40);

    private static final String OPS = "Bearer " + OPS_TOKEN;

    @LocalServerPort
    private int port;

    @Test
    void answersEveryBadInputOnEveryEndpointWithA4xxProblem() {
        openRound();
        long seed = BadInputs.seed();
        BadInputs inputs = new BadInputs(seed);
        BadInputRun run = new BadInputRun("admission", port, seed);
        String ticket = id(enter("sweep_owner"));
        List<Probe> probes = new ArrayList<>();

        for (String path : List.of("/api/v1/clock", "/.well-known/jwks.json")) {
            String endpoint = "GET " + path;
            Probe wrongMethod = Probe.of(endpoint, "wrong-method", "POST", path);
            probes.addAll(Probes.wrongMethods(endpoint, path, List.of(), "POST", "PUT", "DELETE", "PATCH"));
            probes.addAll(Probes.bodies(wrongMethod, inputs.tooLarge(List.of(required("x", Kind.STRING, "\"x\"")))));
            probes.addAll(Probes.unacceptable(Probe.of(endpoint, "not-acceptable", "GET", path)));
            probes.addAll(Probes.headerAbuse(wrongMethod, inputs));
            probes.addAll(Probes.refusedHeaders(Probe.of(endpoint, "refused-header", "GET", path)));
            for (String segment : inputs.pathSegments(GENERATED / 4)) {
                probes.add(Probe.of(endpoint, "bad-path", "GET", path + "/" + segment));
            }
        }

        // a target java.net.URI cannot parse: answered before any application code, a problem all the same
        probes.addAll(Probes.brokenQueries("GET /actuator/health", "/actuator/health"));
        // out of the public prefix to the actuator: refused before routing (found by a probe through the web front)
        probes.addAll(Probes.dotSegments("GET /api/v1/clock", "/api/v1/"));
        probes.addAll(Probes.dotSegments("GET /api/v1/clock", "/.well-known/"));

        // queue entry: the body, its media type, the bot key, the client-address headers
        String entry = "POST /api/v1/queue";
        List<Field> entryFields = List.of(
                required("nickname", Kind.STRING, "\"sweep_valid\""),
                optional("ticketId", Kind.STRING, "null").anyText());
        Probe enter = Probe.of(entry, "body", "POST", "/api/v1/queue");
        probes.addAll(Probes.bodies(enter, inputs.bodies(entryFields, false, GENERATED)));
        probes.addAll(Probes.wrongContentTypes(enter.json("{\"nickname\":\"sweep_type\"}")));
        probes.addAll(Probes.brokenChunks(enter));
        probes.add(enter.category("wrong-content-type"));
        for (String key : botKeys(inputs)) {
            probes.add(enter.category("bad-bot-key").header("X-Bot-Key", key).json("{\"nickname\":\"sweep_bot\"}"));
        }
        probes.add(enter.category("duplicated-bot-key")
                .header("X-Bot-Key", BOT_KEY)
                .header("X-Bot-Key", "wrong")
                .json("{\"nickname\":\"sweep_bot\"}"));
        probes.add(enter.category("duplicated-bot-key")
                .header("X-Bot-Key", "wrong")
                .header("X-Bot-Key", BOT_KEY)
                .json("{\"nickname\":\"sweep_bot\"}"));
        probes.addAll(Probes.headerAbuse(enter.json("{\"nickname\":7}"), inputs));
        probes.addAll(Probes.refusedHeaders(enter.json("{\"nickname\":\"sweep_refused\"}")));
        probes.addAll(Probes.wrongMethods(entry, "/api/v1/queue", List.of(), "GET", "PUT", "DELETE", "PATCH"));

        // a ticket's standing and its event stream: ids of every shape, none of them a ticket
        List<String> ids = badTicketIds(inputs);
        for (String suffix : List.of("", "/events")) {
            String endpoint = "GET /api/v1/queue/{ticketId}" + suffix;
            String accept = suffix.isEmpty() ? "application/json" : "text/event-stream";
            for (String id : ids) {
                probes.add(Probe.of(endpoint, "bad-id", "GET", "/api/v1/queue/" + id + suffix)
                        .header("Accept", accept));
            }
            Probe unknown = Probe.of(endpoint, "bad-id", "GET", "/api/v1/queue/" + ids.get(ids.size() - 1) + suffix);
            for (String key : botKeys(inputs)) {
                probes.add(unknown.category("bad-bot-key").header("X-Bot-Key", key));
            }
            probes.addAll(Probes.headerAbuse(unknown, inputs));
            probes.addAll(Probes.refusedHeaders(unknown));
            probes.addAll(Probes.refusedTargets(endpoint, "GET", "/api/v1/queue/"));
            probes.addAll(Probes.wrongMethods(
                    endpoint, "/api/v1/queue/" + ticket + suffix, List.of(), "POST", "PUT", "DELETE", "PATCH"));
            probes.addAll(Probes.unacceptable(
                    Probe.of(endpoint, "not-acceptable", "GET", "/api/v1/queue/" + ticket + suffix)));
        }

        // the ops admin API: wrong credentials everywhere, bad bodies with the right one
        List<String> wrongBearers = inputs.wrongBearers(OPS_TOKEN, List.of(BOT_KEY), GENERATED);
        List<Field> settingsFields = List.of(
                required("ratePerSecond", Kind.NUMBER, "0", "-1", "-0.001", "100001", "1e9", "1e999", "-1e999"),
                required("openBatch", Kind.INTEGER, "0", "-1", "1000001", "2147483648", "9223372036854775808"),
                required("maxActive", Kind.INTEGER, "0", "-1", "1000001", "-2147483649", "99999999999999999999999"),
                required("paused", Kind.BOOLEAN, "true"));
        String validSettings = BadInputs.object(settingsFields, java.util.Map.of());
        for (String[] api : List.of(
                new String[] {"GET", "/api/v1/admin/admission"},
                new String[] {"PUT", "/api/v1/admin/admission"},
                new String[] {"GET", "/api/v1/admin/stats"})) {
            String endpoint = api[0] + " " + api[1];
            Probe call = Probe.of(endpoint, "bad-credential", api[0], api[1]);
            if (api[0].equals("PUT")) {
                call = call.json(validSettings);
            }
            probes.addAll(Probes.opsCredentials(call, OPS, wrongBearers, inputs));
            probes.addAll(Probes.wrongMethods(
                    endpoint,
                    api[1],
                    List.<String[]>of(BadInputs.h("Authorization", OPS)),
                    api[0].equals("PUT") ? new String[] {"POST", "DELETE", "PATCH"} : new String[] {"POST", "DELETE"}));
        }
        Probe change = Probe.of("PUT /api/v1/admin/admission", "body", "PUT", "/api/v1/admin/admission")
                .header("Authorization", OPS);
        probes.addAll(Probes.bodies(change, inputs.bodies(settingsFields, false, GENERATED)));
        probes.addAll(Probes.wrongContentTypes(change.json(validSettings)));
        probes.addAll(Probes.brokenChunks(change));

        run.sweep(probes);
        // the settings were never changed by a bad call: still the paused ones every test starts from
        assertThat(settings(0, 0, 0, true).path("paused").asBoolean()).isTrue();
    }

    /** Ticket ids of every shape: traversal, encodings, overlong, and well-formed ids nobody was given. */
    private static List<String> badTicketIds(BadInputs inputs) {
        List<String> ids = new ArrayList<>(inputs.pathSegments(GENERATED));
        Random random = inputs.random();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < GENERATED; i++) {
            StringBuilder id = new StringBuilder(String.format(
                    "%04d%02d%02dT%02d%02d%02dZ-",
                    1970 + random.nextInt(8000),
                    random.nextInt(14),
                    random.nextInt(33),
                    random.nextInt(25),
                    random.nextInt(61),
                    random.nextInt(61)));
            for (int c = 0; c < 22; c++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ids.add(id.toString());
        }
        return ids;
    }

    private static List<String> botKeys(BadInputs inputs) {
        List<String> keys = new ArrayList<>(List.of(
                "", "wrong", BOT_KEY + "x", BOT_KEY.toUpperCase(java.util.Locale.ROOT), "x".repeat(4_000), "봇키"));
        for (int i = 0; i < GENERATED / 4; i++) {
            keys.add(inputs.mutate(BOT_KEY));
        }
        return keys;
    }
}
