package dev.ticketingwarrior.booking.web;

import static dev.ticketingwarrior.edge.badinput.BadInputs.Field.required;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ticketingwarrior.booking.support.Api;
import dev.ticketingwarrior.booking.support.BookingStack;
import dev.ticketingwarrior.edge.badinput.BadInputRun;
import dev.ticketingwarrior.edge.badinput.BadInputs;
import dev.ticketingwarrior.edge.badinput.BadInputs.Field;
import dev.ticketingwarrior.edge.badinput.BadInputs.Kind;
import dev.ticketingwarrior.edge.badinput.Probe;
import dev.ticketingwarrior.edge.badinput.Probes;
import dev.ticketingwarrior.shared.round.Round;
import dev.ticketingwarrior.shared.token.TokenDefaults;
import dev.ticketingwarrior.shared.token.TokenKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Generated bad input (fixed seed, {@code -Dbadinput.seed} to vary) against every public endpoint of booking: forged,
 * expired, cross-round, {@code alg=none} and otherwise wrong tokens on every player call, wrong ops tokens, bad bodies,
 * ids, query parameters and headers. Each answer is a 4xx problem, never a 5xx or a hang; nothing is held, sold or
 * redriven; the service is healthy afterwards. Prints the inputs per endpoint and writes them to
 * {@code target/bad-input/booking.json}.
 */
class BadInputSweepIT {

    private static final int GENERATED = Integer.getInteger("badinput.generated", 40);
    private static final String OPS = "Bearer " + BookingStack.OPS_TOKEN;

    private final BookingStack world = BookingStack.get();

    @Test
    void answersEveryBadInputOnEveryEndpointWithA4xxProblem() throws JOSEException {
        int port = Integer.parseInt(world.first().getEnvironment().getProperty("local.server.port"));
        Round round = world.freshRound();
        long seed = BadInputs.seed();
        BadInputs inputs = new BadInputs(seed);
        Random random = inputs.random();
        BadInputRun run = new BadInputRun("booking", port, seed);
        Tokens tokens = new Tokens(round);
        // the control: a token made the way the wrong ones are, minus their fault, is accepted
        assertThat(new Api(port)
                        .get("/api/v1/rounds/" + round.id() + "/seats", tokens.valid())
                        .status())
                .isEqualTo(200);

        String seats = "/api/v1/rounds/" + round.id() + "/seats";
        String holds = "/api/v1/rounds/" + round.id() + "/holds";
        String unknownId = randomId(random);
        List<Probe> probes = new ArrayList<>();

        // every player call with every wrong token: 401, or 403 for a token of another round
        Map<String, Probe> playerCalls = Map.of(
                "GET /api/v1/rounds/{roundId}/seats",
                Probe.of("", "", "GET", seats),
                "POST /api/v1/captcha",
                Probe.of("", "", "POST", "/api/v1/captcha"),
                "POST /api/v1/captcha/{captchaId}",
                Probe.of("", "", "POST", "/api/v1/captcha/" + unknownId).json("{\"answer\":\"TEST42\"}"),
                "POST /api/v1/rounds/{roundId}/holds",
                Probe.of("", "", "POST", holds).json("{\"seatId\":\"A-1\"}"),
                "DELETE /api/v1/holds/{holdId}",
                Probe.of("", "", "DELETE", "/api/v1/holds/" + unknownId),
                "POST /api/v1/bookings",
                Probe.of("", "", "POST", "/api/v1/bookings")
                        .header("Idempotency-Key", "sweep-key")
                        .json("{\"holdId\":\"" + unknownId + "\"}"));
        List<String[]> wrongTokens = tokens.wrong(inputs);
        for (Map.Entry<String, Probe> call : playerCalls.entrySet()) {
            Probe base = new Probe(
                    call.getKey(),
                    "",
                    call.getValue().method(),
                    call.getValue().target(),
                    call.getValue().headers(),
                    call.getValue().body(),
                    java.util.Set.of());
            for (String[] token : wrongTokens) {
                // a hold is released in the token's own round, open or not: a token of another round finds no hold
                boolean ownRound = base.method().equals("DELETE") && token[0].equals("cross-round-token");
                probes.add(base.category(token[0])
                        .header("Authorization", token[1])
                        .only(ownRound ? new Integer[] {401, 403, 404} : new Integer[] {401, 403}));
            }
            probes.add(base.category("no-token").only(401));
            String valid = "Bearer " + tokens.valid();
            probes.addAll(Probes.duplicatedAuthorization(base, valid, "Bearer " + tokens.forged()));
            probes.addAll(Probes.headerAbuse(base.header("Authorization", "Bearer " + tokens.forged()), inputs));
            probes.addAll(Probes.refusedHeaders(base.header("Authorization", "Bearer " + tokens.forged())));
        }

        // bad bodies, media types, ids and headers with a valid token (a fresh ticket each, so no per-ticket budget
        // runs out)
        Function<Probe, Probe> withToken = probe -> probe.header("Authorization", "Bearer " + tokens.valid());
        List<Field> holdFields = List.of(required("seatId", Kind.STRING, "\"A-1\""));
        Probe hold = Probe.of("POST /api/v1/rounds/{roundId}/holds", "body", "POST", holds);
        Probes.bodies(hold, inputs.bodies(holdFields, true, GENERATED)).stream()
                .map(withToken)
                .forEach(probes::add);
        Probes.wrongContentTypes(hold.json("{\"seatId\":\"A-1\"}")).stream()
                .map(withToken)
                .forEach(probes::add);
        Probes.brokenChunks(hold).stream().map(withToken).forEach(probes::add);
        for (String segment : inputs.pathSegments(GENERATED / 2)) {
            probes.add(withToken.apply(
                    Probe.of(hold.endpoint(), "bad-round-id", "POST", "/api/v1/rounds/" + segment + "/holds")
                            .json("{\"seatId\":\"A-1\"}")));
        }
        probes.addAll(Probes.headerAbuse(withToken.apply(hold.json("{\"seatId\":7}")), inputs));
        probes.addAll(Probes.wrongMethods(hold.endpoint(), holds, List.of(), "GET", "PUT", "DELETE", "PATCH"));

        List<Field> answerFields = List.of(required("answer", Kind.STRING, "\"TEST42\""));
        Probe answer = Probe.of("POST /api/v1/captcha/{captchaId}", "body", "POST", "/api/v1/captcha/" + unknownId);
        Probes.bodies(answer, inputs.bodies(answerFields, true, GENERATED)).stream()
                .map(withToken)
                .forEach(probes::add);
        Probes.wrongContentTypes(answer.json("{\"answer\":\"TEST42\"}")).stream()
                .map(withToken)
                .forEach(probes::add);
        for (String segment : inputs.pathSegments(GENERATED / 2)) {
            probes.add(withToken.apply(Probe.of(answer.endpoint(), "bad-id", "POST", "/api/v1/captcha/" + segment)
                    .json("{\"answer\":\"TEST42\"}")));
        }

        List<Field> bookingFields = List.of(required("holdId", Kind.STRING, "\"" + unknownId + "\""));
        Probe book = Probe.of("POST /api/v1/bookings", "body", "POST", "/api/v1/bookings")
                .header("Idempotency-Key", "sweep-key");
        Probes.bodies(book, inputs.bodies(bookingFields, true, GENERATED)).stream()
                .map(withToken)
                .forEach(probes::add);
        Probes.wrongContentTypes(book.json("{\"holdId\":\"" + unknownId + "\"}")).stream()
                .map(withToken)
                .forEach(probes::add);
        Probes.brokenChunks(book).stream().map(withToken).forEach(probes::add);
        List<String> keys = new ArrayList<>(
                List.of("", "has space", "x".repeat(129), "é", "\u202Ekey", "tab\tkey", "키", "\"quoted key\" extra"));
        for (int i = 0; i < GENERATED / 4; i++) {
            keys.add(inputs.randomTricky());
        }
        for (String key : keys) {
            probes.add(withToken.apply(Probe.of(book.endpoint(), "bad-idempotency-key", "POST", "/api/v1/bookings")
                    .header("Idempotency-Key", key)
                    .json("{\"holdId\":\"" + unknownId + "\"}")));
        }
        probes.add(withToken.apply(Probe.of(book.endpoint(), "bad-idempotency-key", "POST", "/api/v1/bookings")
                .json("{\"holdId\":\"" + unknownId + "\"}")));
        probes.add(withToken.apply(Probe.of(book.endpoint(), "duplicated-idempotency-key", "POST", "/api/v1/bookings")
                .header("Idempotency-Key", "k1")
                .header("Idempotency-Key", "k2")
                .json("{\"holdId\":\"" + unknownId + "\"}")));
        probes.addAll(Probes.wrongMethods(book.endpoint(), "/api/v1/bookings", List.of(), "GET", "PUT", "DELETE"));

        for (String segment : inputs.pathSegments(GENERATED / 2)) {
            probes.add(withToken.apply(
                    Probe.of("DELETE /api/v1/holds/{holdId}", "bad-id", "DELETE", "/api/v1/holds/" + segment)));
        }
        probes.addAll(Probes.wrongMethods("POST /api/v1/captcha", "/api/v1/captcha", List.of(), "GET", "PUT"));

        // public reads: ids and query parameters of every shape
        List<String> ids = new ArrayList<>(inputs.pathSegments(GENERATED));
        for (int i = 0; i < GENERATED; i++) {
            ids.add(round.id() + "-" + randomId(random));
        }
        for (String id : ids) {
            probes.add(Probe.of("GET /api/v1/bookings/{bookingId}", "bad-id", "GET", "/api/v1/bookings/" + id));
        }
        probes.addAll(Probes.headerAbuse(
                Probe.of("GET /api/v1/bookings/{bookingId}", "bad-id", "GET", "/api/v1/bookings/" + unknownId),
                inputs));
        probes.addAll(Probes.refusedTargets("GET /api/v1/bookings/{bookingId}", "GET", "/api/v1/bookings/"));
        List<String> roundIds = new ArrayList<>(inputs.pathSegments(GENERATED / 2));
        for (int i = 0; i < GENERATED; i++) {
            // well-formed round ids that are no round's start (rounds start on the hour here)
            roundIds.add(String.format(
                    "%04d%02d%02dT%02d%02d%02dZ",
                    1970 + random.nextInt(8000),
                    1 + random.nextInt(12),
                    1 + random.nextInt(28),
                    random.nextInt(24),
                    1 + random.nextInt(59),
                    random.nextInt(60)));
        }
        for (String id : roundIds) {
            probes.add(Probe.of(
                    "GET /api/v1/rounds/{roundId}/results", "bad-id", "GET", "/api/v1/rounds/" + id + "/results"));
            probes.add(withToken.apply(Probe.of(
                    "GET /api/v1/rounds/{roundId}/seats", "bad-id", "GET", "/api/v1/rounds/" + id + "/seats")));
        }
        probes.addAll(Probes.unacceptable(Probe.of(
                "GET /api/v1/rounds/{roundId}/results",
                "not-acceptable",
                "GET",
                "/api/v1/rounds/" + round.id() + "/results")));
        probes.addAll(Probes.refusedTargets("GET /api/v1/rounds/{roundId}/results", "GET", "/api/v1/rounds/"));
        List<String> periods = new ArrayList<>(List.of(
                "year",
                "days",
                "day%00",
                "%00",
                "day&period=week",
                "day&period=day",
                "week%20",
                "%F0%9F%98%80",
                "-1",
                "d%C3%A1y",
                "%E2%80%AEday",
                "%zz",
                "%",
                "day&=week",
                "x".repeat(6_000)));
        for (String segment : inputs.pathSegments(GENERATED / 2)) {
            periods.add(segment);
        }
        for (String period : periods) {
            probes.add(Probe.of("GET /api/v1/leaderboard", "bad-query", "GET", "/api/v1/leaderboard?period=" + period));
        }
        probes.addAll(Probes.wrongMethods("GET /api/v1/leaderboard", "/api/v1/leaderboard", List.of(), "POST", "PUT"));
        probes.addAll(Probes.brokenQueries("GET /actuator/health", "/actuator/health"));
        // out of the public prefix to the actuator: refused before routing (found by a probe through the web front)
        probes.addAll(Probes.dotSegments("GET /api/v1/leaderboard", "/api/"));
        probes.addAll(Probes.unacceptable(
                Probe.of("GET /api/v1/leaderboard", "not-acceptable", "GET", "/api/v1/leaderboard")));

        // debriefs and history (issue 19): the player's secret, ticket ids and nicknames of every shape; a well-formed
        // secret with an id no player holds is 404 unknown-debrief, never more
        String debrief = "GET /api/v1/rounds/{roundId}/debriefs/{ticketId}";
        String debriefs = "/api/v1/rounds/" + round.id() + "/debriefs/";
        String secret = "A".repeat(43);
        List<String> secrets = List.of(
                "",
                "short",
                "A".repeat(21),
                "A".repeat(65),
                "a b",
                "A".repeat(42) + "=",
                "A".repeat(42) + "%",
                "é".repeat(30));
        for (String id : inputs.pathSegments(GENERATED)) {
            probes.add(Probe.of(debrief, "bad-id", "GET", debriefs + id).header("X-Player-Secret", secret));
        }
        for (String id : roundIds) {
            probes.add(Probe.of(debrief, "bad-id", "GET", "/api/v1/rounds/" + id + "/debriefs/" + round.id() + "-1")
                    .header("X-Player-Secret", secret));
        }
        probes.add(Probe.of(debrief, "missing-secret", "GET", debriefs + round.id() + "-1"));
        List<String> badNicknames = List.of(
                "",
                "a",
                "x".repeat(21),
                "%00",
                "a%20b",
                "%E2%80%AEab",
                "%3Cscript%3E",
                "a.b",
                "%F0%9F%98%80%F0%9F%98%80",
                "ab%0D%0AX-Injected:%201",
                "x".repeat(6_000));
        for (String method : List.of("GET", "DELETE")) {
            String history = method + " /api/v1/players/history";
            for (String bad : secrets) {
                probes.add(Probe.of(debrief, "bad-secret", "GET", debriefs + round.id() + "-1")
                        .header("X-Player-Secret", bad));
                probes.add(Probe.of(history, "bad-secret", method, "/api/v1/players/history?nickname=kim")
                        .header("X-Player-Secret", bad));
            }
            probes.add(Probe.of(history, "missing-secret", method, "/api/v1/players/history?nickname=kim"));
            probes.add(Probe.of(history, "missing-nickname", method, "/api/v1/players/history")
                    .header("X-Player-Secret", secret));
            for (String nickname : badNicknames) {
                probes.add(Probe.of(history, "bad-nickname", method, "/api/v1/players/history?nickname=" + nickname)
                        .header("X-Player-Secret", secret));
            }
            probes.add(Probe.of(history, "duplicated-secret", method, "/api/v1/players/history?nickname=kim")
                    .header("X-Player-Secret", secret)
                    .header("X-Player-Secret", "B".repeat(43)));
        }
        probes.addAll(Probes.headerAbuse(
                Probe.of(debrief, "bad-id", "GET", debriefs + unknownId).header("X-Player-Secret", secret), inputs));
        probes.addAll(Probes.wrongMethods(
                "GET /api/v1/players/history",
                "/api/v1/players/history?nickname=kim",
                List.<String[]>of(new String[] {"X-Player-Secret", secret}),
                "POST",
                "PUT"));

        // the ops API: wrong credentials, then bad parameters with the right one
        List<String> wrongBearers =
                inputs.wrongBearers(BookingStack.OPS_TOKEN, List.of(BookingStack.BOT_KEY, tokens.valid()), GENERATED);
        for (String[] api : List.of(
                new String[] {"GET", "/api/v1/confirmations"},
                new String[] {"GET", "/api/v1/confirmations/dead-letters"},
                new String[] {"POST", "/api/v1/confirmations/dead-letters/redrive"})) {
            String endpoint = api[0] + " " + api[1];
            Probe call = Probe.of(endpoint, "bad-credential", api[0], api[1]);
            probes.addAll(Probes.opsCredentials(call, OPS, wrongBearers, inputs));
        }
        for (String max : List.of(
                "abc", "1.5", "99999999999", "-99999999999", "%00", "1e3", "%E2%80%AE1", "%C0%AE", "%FF", "١٢")) {
            probes.add(Probe.of(
                            "POST /api/v1/confirmations/dead-letters/redrive",
                            "bad-query",
                            "POST",
                            "/api/v1/confirmations/dead-letters/redrive?max=" + max)
                    .header("Authorization", OPS));
        }
        probes.addAll(Probes.wrongMethods(
                "GET /api/v1/confirmations",
                "/api/v1/confirmations",
                List.<String[]>of(BadInputs.h("Authorization", OPS)),
                "POST",
                "DELETE"));
        probes.addAll(Probes.wrongMethods(
                "GET /api/v1/confirmations/dead-letters",
                "/api/v1/confirmations/dead-letters",
                List.<String[]>of(BadInputs.h("Authorization", OPS)),
                "POST",
                "DELETE"));

        run.sweep(probes);
        // nothing a bad input did stuck: every seat still for sale, no booking written
        JsonNode map = new Api(port).get(seats, world.viewer(round)).json();
        for (JsonNode seat : map.path("seats")) {
            assertThat(seat.path("status").asString()).isEqualTo("AVAILABLE");
        }
        JdbcTemplate jdbc = world.first().getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM bookings WHERE round_id = ?",
                        Long.class,
                        round.id().value()))
                .isZero();
    }

    private static String randomId(Random random) {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 22; i++) {
            id.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return id.toString();
    }

    /** Admission tokens for this round, made with the key the service trusts, and every kind of wrong one. */
    private final class Tokens {

        private final Round round;
        private final ECKey key = world.keys.signingKeyAt(Instant.now());
        private final ECKey stranger = TokenKeys.generate("stranger", Instant.now());

        Tokens(Round round) {
            this.round = round;
        }

        JWTClaimsSet.Builder claims() {
            Instant now = world.clock.instant();
            return new JWTClaimsSet.Builder()
                    .issuer(TokenDefaults.ISSUER)
                    .audience("booking")
                    .subject(BookingStack.ticket())
                    .claim("rid", round.id().value())
                    .claim("nick", "sweeper")
                    .claim("bot", false)
                    .claim("qn", 1L)
                    .claim("qat", round.opensAt().toEpochMilli())
                    .claim("adm", round.opensAt().plusMillis(300).toEpochMilli())
                    .issueTime(Date.from(now.minusSeconds(1)))
                    .expirationTime(Date.from(round.endsAt().plusSeconds(60)))
                    .jwtID(UUID.randomUUID().toString());
        }

        String valid() {
            return sign(header(key.getKeyID()), claims().build(), signer(key));
        }

        String forged() {
            String token = valid();
            int dot = token.lastIndexOf('.');
            char[] signature = token.substring(dot + 1).toCharArray();
            signature[5] = signature[5] == 'A' ? 'B' : 'A';
            return token.substring(0, dot + 1) + new String(signature);
        }

        /** {category, Authorization value} pairs, none of which may pass. */
        List<String[]> wrong(BadInputs inputs) throws JOSEException {
            Instant now = world.clock.instant();
            String kid = key.getKeyID();
            Round previous = world.rounds.roundAt(round.opensAt().minus(BookingStack.PERIOD));
            Round next = world.rounds.roundAt(round.opensAt().plus(BookingStack.PERIOD));
            List<String[]> tokens = new ArrayList<>();
            java.util.function.BiConsumer<String, String> add =
                    (category, token) -> tokens.add(new String[] {category, "Bearer " + token});
            add.accept("forged-token", forged());
            add.accept("forged-token", sign(header(kid), claims().build(), signer(stranger)));
            add.accept("forged-token", sign(header("stranger"), claims().build(), signer(stranger)));
            add.accept("forged-token", sign(header(null), claims().build(), signer(key)));
            add.accept(
                    "forged-token",
                    swapPayload(valid(), claims().claim("bot", true).build()));
            add.accept(
                    "forged-token",
                    swapPayload(
                            valid(), claims().claim("rid", next.id().value()).build()));
            add.accept(
                    "forged-token",
                    sign(
                            new JWSHeader.Builder(JWSAlgorithm.ES256)
                                    .keyID(kid)
                                    .jwk(stranger.toPublicJWK())
                                    .build(),
                            claims().build(),
                            signer(stranger)));
            add.accept(
                    "forged-token",
                    sign(
                            new JWSHeader.Builder(JWSAlgorithm.ES256)
                                    .keyID(kid)
                                    .jwkURL(java.net.URI.create("http://127.0.0.1:9/jwks.json"))
                                    .build(),
                            claims().build(),
                            signer(stranger)));
            for (String evilKid : List.of("../../../../dev/null", "' OR '1'='1", "x".repeat(3_000), "")) {
                add.accept("forged-token", sign(header(evilKid), claims().build(), signer(stranger)));
            }
            add.accept(
                    "expired-token",
                    sign(
                            header(kid),
                            claims().expirationTime(Date.from(now.minusSeconds(600)))
                                    .build(),
                            signer(key)));
            add.accept(
                    "expired-token",
                    sign(
                            header(kid),
                            claims().expirationTime(Date.from(now.minusSeconds(60)))
                                    .build(),
                            signer(key)));
            add.accept(
                    "future-token",
                    sign(
                            header(kid),
                            claims().issueTime(Date.from(now.plusSeconds(600))).build(),
                            signer(key)));
            add.accept(
                    "future-token",
                    sign(
                            header(kid),
                            claims().notBeforeTime(Date.from(now.plusSeconds(600)))
                                    .build(),
                            signer(key)));
            add.accept(
                    "cross-round-token",
                    sign(
                            header(kid),
                            claims().claim("rid", previous.id().value()).build(),
                            signer(key)));
            add.accept(
                    "cross-round-token",
                    sign(header(kid), claims().claim("rid", next.id().value()).build(), signer(key)));
            add.accept(
                    "cross-round-token",
                    sign(header(kid), claims().claim("rid", "20310303T000001Z").build(), signer(key)));
            add.accept(
                    "wrong-audience",
                    sign(header(kid), claims().audience("admission").build(), signer(key)));
            add.accept(
                    "wrong-audience",
                    sign(
                            header(kid),
                            claims().audience(List.of("booking", "other")).build(),
                            signer(key)));
            add.accept(
                    "wrong-audience",
                    sign(header(kid), claims().audience((String) null).build(), signer(key)));
            add.accept(
                    "wrong-issuer",
                    sign(header(kid), claims().issuer("someone-else").build(), signer(key)));
            add.accept("wrong-issuer", sign(header(kid), claims().issuer(null).build(), signer(key)));
            String payload = claims().build().toPayload().toBase64URL().toString();
            for (String alg : List.of("none", "None", "NONE", "nOnE")) {
                String none = Base64URL.encode("{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\"}") + "." + payload;
                add.accept("alg-none", none + ".");
                add.accept("alg-none", none);
                add.accept("alg-none", none + "." + valid().substring(valid().lastIndexOf('.') + 1));
            }
            for (byte[] secret : List.of(
                    key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                    world.keys.publicJwksJson().getBytes(StandardCharsets.UTF_8),
                    key.toECPublicKey().getEncoded())) {
                for (JWSAlgorithm hmac : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS512)) {
                    add.accept(
                            "hs256-public-key",
                            sign(
                                    new JWSHeader.Builder(hmac).keyID(kid).build(),
                                    claims().build(),
                                    new MACSigner(pad(secret))));
                }
            }
            for (String alg : List.of("RS256", "ES512", "PS256", "EdDSA", "ES256K")) {
                String header = Base64URL.encode("{\"alg\":\"" + alg + "\",\"kid\":\"" + kid + "\"}")
                        .toString();
                String token = valid();
                add.accept("wrong-algorithm", header + token.substring(token.indexOf('.')));
            }
            for (String garbage : List.of(
                    "a.b.c",
                    "...",
                    "..",
                    "eyJ",
                    "eyJhbGciOiJFUzI1NiJ9",
                    "eyJhbGciOiJFUzI1NiJ9..",
                    "a.b.c.d.e",
                    "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d",
                    Base64URL.encode("not json") + "." + payload + ".c2ln",
                    Base64URL.encode("[\"alg\",\"ES256\"]") + "." + payload + ".c2ln",
                    Base64URL.encode("{\"alg\":[\"ES256\"]}") + "." + payload + ".c2ln",
                    Base64URL.encode("{\"alg\":\"ES256\",\"kid\":7}") + "." + payload + ".c2ln",
                    Base64URL.encode("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"crit\":[\"exp\"]}") + "." + payload
                            + ".c2ln",
                    header(kid).toBase64URL() + "." + Base64URL.encode("not json") + ".c2ln",
                    header(kid).toBase64URL() + "." + Base64URL.encode("{\"exp\":\"soon\"}") + ".c2ln",
                    header(kid).toBase64URL() + "." + payload + ".!!!",
                    valid() + ".",
                    valid() + "x",
                    valid().replace('.', ','),
                    "x".repeat(5_000),
                    valid().repeat(3),
                    "토큰.토큰.토큰",
                    BookingStack.OPS_TOKEN,
                    BookingStack.BOT_KEY)) {
                add.accept("garbage-token", garbage);
            }
            String valid = valid();
            for (int i = 0; i < GENERATED; i++) {
                // a character of a valid token changed, added or removed: header, claims or signature no longer match
                add.accept("mutated-token", mutate(valid, inputs.random()));
            }
            tokens.add(new String[] {"wrong-scheme", "Basic " + valid});
            tokens.add(new String[] {"wrong-scheme", "Token " + valid});
            tokens.add(new String[] {"wrong-scheme", valid});
            tokens.add(new String[] {"wrong-scheme", "Bearer"});
            tokens.add(new String[] {"wrong-scheme", "Bearer "});
            tokens.add(new String[] {"wrong-scheme", ""});
            tokens.add(new String[] {"wrong-scheme", "Bearer " + valid + ", Bearer " + valid});
            return tokens;
        }

        /**
         * One edit inside a part of the token, never on a part's last character: that one carries unused bits in
         * base64url, so some edits there decode to the same bytes and the token is still the valid one.
         */
        private static String mutate(String token, Random random) {
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            StringBuilder text = new StringBuilder(token);
            int at;
            do {
                at = random.nextInt(text.length() - 1);
            } while (text.charAt(at) == '.' || text.charAt(at + 1) == '.');
            char now = text.charAt(at);
            switch (random.nextInt(3)) {
                case 0 -> text.setCharAt(at, alphabet.charAt((alphabet.indexOf(now) + 1 + random.nextInt(63)) % 64));
                case 1 -> text.insert(at, alphabet.charAt(random.nextInt(64)));
                default -> text.deleteCharAt(at);
            }
            return text.toString();
        }

        private JWSHeader header(String kid) {
            return new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .keyID(kid)
                    .type(JOSEObjectType.JWT)
                    .build();
        }

        private JWSSigner signer(ECKey signingKey) {
            try {
                return new ECDSASigner(signingKey);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
            SignedJWT jwt = new SignedJWT(header, claims);
            try {
                jwt.sign(signer);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        /** The valid token's header and signature around other claims: what tampering with a token in transit gives. */
        private String swapPayload(String token, JWTClaimsSet claims) {
            String[] parts = token.split("\\.");
            return parts[0] + "." + claims.toPayload().toBase64URL() + "." + parts[2];
        }

        private static byte[] pad(byte[] secret) {
            // HS512 needs a secret of at least 512 bits; the attacker pads what they have
            if (secret.length >= 64) {
                return secret;
            }
            byte[] padded = new byte[64];
            System.arraycopy(secret, 0, padded, 0, secret.length);
            return padded;
        }
    }
}
