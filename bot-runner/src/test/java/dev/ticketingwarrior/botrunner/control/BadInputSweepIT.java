package dev.ticketingwarrior.botrunner.control;

import static dev.ticketingwarrior.botrunner.support.BotRunnerInstance.BOT_KEY;
import static dev.ticketingwarrior.botrunner.support.BotRunnerInstance.OPS_TOKEN;
import static dev.ticketingwarrior.edge.badinput.BadInputs.Field.optional;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.botrunner.support.BotRunnerInstance;
import dev.ticketingwarrior.edge.badinput.BadInputRun;
import dev.ticketingwarrior.edge.badinput.BadInputs;
import dev.ticketingwarrior.edge.badinput.BadInputs.Field;
import dev.ticketingwarrior.edge.badinput.BadInputs.Kind;
import dev.ticketingwarrior.edge.badinput.Probe;
import dev.ticketingwarrior.edge.badinput.Probes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Generated bad input (fixed seed, {@code -Dbadinput.seed} to vary) against every endpoint of the bot-runner's control
 * API: each answer is a 4xx problem, never a 5xx or a hang, the settings are what they were, and the service is
 * healthy afterwards. Prints the inputs per endpoint and writes them to {@code target/bad-input/bot-runner.json}.
 */
class BadInputSweepIT {

    private static final int GENERATED = Integer.getInteger("badinput.generated", 40);
    private static final String OPS = "Bearer " + OPS_TOKEN;
    private static final String SETTINGS =
            "{\"enabled\":false,\"perRound\":150,\"difficulty\":\"NORMAL\",\"cancelProbability\":0.05}";

    @Test
    void answersEveryBadInputOnEveryEndpointWithA4xxProblem() {
        try (BotRunnerInstance instance = BotRunnerInstance.start(
                // the failed-authentication limit per address is ClientLimitsIT's subject; here it would turn the
                // wrong credentials of the header-abuse probes (which bring their own X-Forwarded-For) into 429s
                "it-bad-input-" + UUID.randomUUID(), Map.of("ticketing.limits.failed-authentication", "100000"))) {
            instance.web()
                    .put()
                    .uri("/api/v1/bots")
                    .header(HttpHeaders.AUTHORIZATION, OPS)
                    .header(HttpHeaders.CONTENT_TYPE, "application/json")
                    .bodyValue(SETTINGS)
                    .exchange()
                    .expectStatus()
                    .isOk();
            long seed = BadInputs.seed();
            BadInputs inputs = new BadInputs(seed);
            BadInputRun run = new BadInputRun("bot-runner", instance.port(), seed);
            List<Probe> probes = new ArrayList<>();

            List<String> wrongBearers = inputs.wrongBearers(OPS_TOKEN, List.of(BOT_KEY), GENERATED);
            for (String[] api :
                    List.of(new String[] {"GET", "/api/v1/bots"}, new String[] {"PUT", "/api/v1/bots"}, new String[] {
                        "GET", "/api/v1/bots/stats"
                    })) {
                String endpoint = api[0] + " " + api[1];
                Probe call = Probe.of(endpoint, "bad-credential", api[0], api[1]);
                if (api[0].equals("PUT")) {
                    call = call.json(SETTINGS);
                }
                probes.addAll(Probes.opsCredentials(call, OPS, wrongBearers, inputs));
                probes.addAll(Probes.unacceptable(call.header("Authorization", OPS)));
                probes.addAll(Probes.wrongMethods(
                        endpoint,
                        api[1],
                        List.<String[]>of(BadInputs.h("Authorization", OPS)),
                        api[1].endsWith("stats")
                                ? new String[] {"POST", "PUT", "DELETE"}
                                : new String[] {"POST", "DELETE"}));
            }

            // every field is optional (a change names what it changes), so only wrong values are wrong here
            List<Field> fields = List.of(
                    optional("enabled", Kind.BOOLEAN, "false"),
                    optional("perRound", Kind.INTEGER, "150", "-1", "100001", "2147483648", "-2147483649"),
                    optional(
                            "difficulty",
                            Kind.ENUM,
                            "\"NORMAL\"",
                            "\"normal\"",
                            "\"\"",
                            "\"IMPOSSIBLE\"",
                            "\"NORM AL\""),
                    optional("cancelProbability", Kind.NUMBER, "0.05", "-0.1", "1.5", "1e999", "-1e999", "2"));
            Probe change =
                    Probe.of("PUT /api/v1/bots", "body", "PUT", "/api/v1/bots").header("Authorization", OPS);
            probes.addAll(Probes.bodies(change, inputs.bodies(fields, true, GENERATED)));
            probes.addAll(Probes.wrongContentTypes(change.json(SETTINGS)));
            probes.addAll(Probes.brokenChunks(change));
            probes.add(change.category("wrong-content-type"));

            String endpoint = "GET /api/v1/bots/public";
            Probe wrongMethod = Probe.of(endpoint, "wrong-method", "POST", "/api/v1/bots/public");
            probes.addAll(Probes.wrongMethods(endpoint, "/api/v1/bots/public", List.of(), "POST", "PUT", "DELETE"));
            probes.addAll(Probes.bodies(wrongMethod, inputs.tooLarge(fields)));
            probes.addAll(Probes.unacceptable(Probe.of(endpoint, "not-acceptable", "GET", "/api/v1/bots/public")));
            probes.addAll(Probes.headerAbuse(wrongMethod, inputs));
            probes.addAll(Probes.refusedHeaders(Probe.of(endpoint, "refused-header", "GET", "/api/v1/bots/public")));
            probes.addAll(Probes.refusedTargets(endpoint, "GET", "/api/v1/bots/public/"));
            // a target java.net.URI cannot parse: answered before any application code, a problem all the same
            probes.addAll(Probes.brokenQueries("GET /actuator/health", "/actuator/health"));
            // out of the public prefix to the actuator: refused before routing (found by a probe through the web front)
            probes.addAll(Probes.dotSegments(endpoint, "/api/v1/bots/"));
            for (String segment : inputs.pathSegments(GENERATED / 2)) {
                // past Reactor Netty's 4 KB request line it is the server's 414, before any application code
                probes.add(Probe.of(endpoint, "bad-path", "GET", "/api/v1/bots/public/" + segment));
            }

            run.sweep(probes);
            JsonNode settings = instance.web()
                    .get()
                    .uri("/api/v1/bots")
                    .header(HttpHeaders.AUTHORIZATION, OPS)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(settings.path("perRound").asInt()).isEqualTo(150);
            assertThat(settings.path("difficulty").asString()).isEqualTo("NORMAL");
            assertThat(settings.path("enabled").asBoolean()).isFalse();
        }
    }
}
