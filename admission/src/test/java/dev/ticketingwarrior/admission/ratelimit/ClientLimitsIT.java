package dev.ticketingwarrior.admission.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.admission.AdmissionIntegrationTest;
import dev.ticketingwarrior.admission.EventStreams;
import dev.ticketingwarrior.admission.EventStreams.Opened;
import dev.ticketingwarrior.edge.testing.ClientAddresses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

/**
 * The per-client limits of SPEC §9 on status polls, event streams and failed authentication, with the production
 * numbers (application-client-limits.yml): each answers 429 problem+json with Retry-After past its budget, another
 * client (another X-Forwarded-For from loopback, a trusted proxy) is not affected, and the web app's and the bots'
 * own pacing is never limited.
 */
@ActiveProfiles({"it", "client-limits"})
class ClientLimitsIT extends AdmissionIntegrationTest {

    private static final AtomicInteger NICKS = new AtomicInteger();

    private final List<Disposable> streams = new ArrayList<>();

    @LocalServerPort
    private int port;

    @BeforeEach
    void openTheRound() {
        openRound(); // paused: every ticket keeps waiting, so streams stay open
    }

    @AfterEach
    void closeStreams() {
        streams.forEach(Disposable::dispose);
    }

    @Test
    void limitsStatusPollsPerTicketWithRetryAfterAndLeavesOtherTicketsAlone() {
        String ticket = ticket();
        String other = ticket();
        // 30 per 10 s per ticket; each from its own address, so only the ticket's budget counts
        for (int i = 0; i < 30; i++) {
            poll(ticket, address()).expectStatus().isOk();
        }
        isRateLimited(poll(ticket, address()));
        poll(other, address()).expectStatus().isOk();
    }

    @Test
    void limitsStatusPollsPerClientAcrossTicketsAndLeavesOtherClientsAlone() {
        String client = address();
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            tickets.add(ticket());
        }
        // 300 per 10 s per address: 11 tickets, under 30 each
        for (int i = 0; i < 300; i++) {
            poll(tickets.get(i % tickets.size()), client).expectStatus().isOk();
        }
        isRateLimited(poll(tickets.get(10), client));
        poll(tickets.get(10), address()).expectStatus().isOk();
    }

    /** Found by a probe: an id of no ticket's shape was answered 404 before any budget was spent, a thousand a second. */
    @Test
    void limitsMadeUpTicketIdsPerClientLikeAnyPoll() {
        String client = address();
        for (int i = 0; i < 300; i++) {
            String path = i % 2 == 0 ? "/api/v1/queue/{id}" : "/api/v1/queue/{id}/events";
            web.get()
                    .uri(path, "nope-" + i)
                    .header("X-Forwarded-For", client)
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
        isRateLimited(poll("nope", client));
        isRateLimited(web.get()
                .uri("/api/v1/queue/{id}/events", "nope")
                .header("X-Forwarded-For", client)
                .exchange());
        poll("nope", address()).expectStatus().isNotFound();
    }

    @Test
    void botsWithAValidKeyAreCountedPerTicketNotPerAddress() {
        String botRunner = address();
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tickets.add(ticket());
        }
        // more than the address's 300: every bot of a bot-runner comes from the same address
        for (int i = 0; i < 330; i++) {
            botPoll(tickets.get(i % tickets.size()), botRunner, BOT_KEY)
                    .expectStatus()
                    .isOk();
        }
        // the per-ticket bound still holds for a bot
        String bot = ticket();
        for (int i = 0; i < 30; i++) {
            botPoll(bot, botRunner, BOT_KEY).expectStatus().isOk();
        }
        isRateLimited(botPoll(bot, botRunner, BOT_KEY));
    }

    /**
     * A wrong key on a ticket's status or stream is refused as on the entry, and counted with the client's other
     * failed authentications: its answer no longer tells a right key from a wrong one by the address budget it spends.
     */
    @Test
    void aWrongBotKeyOnATicketsStatusOrStreamIs401AndCountedAsAFailedAuthentication() {
        String guesser = address();
        String ticket = ticket();
        for (int i = 0; i < 5; i++) {
            botPoll(ticket, guesser, "guess-" + i)
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.type")
                    .value(String.class, type -> assertThat(type).endsWith("/invalid-bot-key"));
        }
        for (int i = 0; i < 5; i++) {
            web.get()
                    .uri("/api/v1/queue/{id}/events", ticket)
                    .header("X-Forwarded-For", guesser)
                    .header("X-Bot-Key", "stream-guess-" + i)
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
        // these hot reads look nothing up before the request: the failure that goes over the budget (the eleventh) is
        // still answered, and this instance remembers it; from then on the right key from that address is refused too
        botPoll(ticket, guesser, "guess-11").expectStatus().isUnauthorized();
        isRateLimited(botPoll(ticket, guesser, BOT_KEY));
        isRateLimited(web.get()
                .uri("/api/v1/queue/{id}/events", ticket)
                .header("X-Forwarded-For", guesser)
                .header("X-Bot-Key", BOT_KEY)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange());
        // a player polling from that address without a key is not affected
        poll(ticket, guesser).expectStatus().isOk();
    }

    @Test
    void limitsConcurrentStreamsPerTicketAndFreesASlotWhenAStreamCloses() {
        String ticket = ticket();
        List<Disposable> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(stream(ticket, address()));
        }
        isRateLimited(streamRequest(ticket, address()));
        stream(ticket(), address()); // another ticket is not affected

        open.get(0).dispose();
        // the server notices the closed connection at its next write (a heartbeat each second in the it profile)
        assertThat(eventually(() -> statusOfAStream(ticket), 200)).isTrue();
    }

    @Test
    void limitsConcurrentStreamsPerClientAndLeavesOtherClientsAlone() {
        String client = address();
        for (int i = 0; i < 4; i++) {
            stream(ticket(), client);
        }
        isRateLimited(streamRequest(ticket(), client));
        stream(ticket(), address());
    }

    @Test
    void neverLimitsTheWebAppsOrTheBotsPacing() throws InterruptedException {
        // the web app: one stream per ticket (a reload opens a second while the first is still being noticed), and
        // status polls once a second when the stream breaks; bot-runner polls every 500 ms from one address
        String player = ticket();
        String household = address();
        stream(player, household);
        stream(player, household);
        List<String> bots = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bots.add(ticket());
        }
        String botRunner = address();
        for (int tick = 0; tick < 24; tick++) { // 12 s: more than a window
            if (tick % 2 == 0) {
                poll(player, household).expectStatus().isOk();
            }
            for (String bot : bots) {
                botPoll(bot, botRunner, BOT_KEY).expectStatus().isOk();
            }
            Thread.sleep(500);
        }
    }

    @Test
    void answers429ToAClientAfterTenFailedAuthenticationsBeforeLookingAtItsCredentials() {
        String attacker = address();
        for (int i = 0; i < 5; i++) {
            admin(attacker, "Bearer wrong-" + i).expectStatus().isUnauthorized();
        }
        for (int i = 0; i < 5; i++) {
            wrongBotKeyEntry(attacker).expectStatus().isUnauthorized();
        }
        // even the right token: the budget is spent before credentials are checked
        isRateLimited(admin(attacker, "Bearer " + OPS_TOKEN));
        isRateLimited(wrongBotKeyEntry(attacker));
        // ops elsewhere, and players entering without a bot key from that address, are not affected
        admin(address(), "Bearer " + OPS_TOKEN).expectStatus().isOk();
        web.post()
                .uri("/api/v1/queue")
                .header("X-Forwarded-For", attacker)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("nickname", "after_" + NICKS.incrementAndGet()))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @Test
    void limitsClockAndKeyReadsPerClientAndLeavesOtherClientsAlone() {
        for (String path : List.of("/api/v1/clock", "/.well-known/jwks.json")) {
            String client = address();
            for (int i = 0; i < 20; i++) {
                publicRead(path, client).expectStatus().isOk();
            }
            isRateLimited(publicRead(path, client));
            publicRead(path, address()).expectStatus().isOk();
        }
    }

    private static void isRateLimited(WebTestClient.ResponseSpec response) {
        response.expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .value("Retry-After", value -> assertThat(Long.parseLong(value)).isBetween(1L, 60L))
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://ticketing-warrior.dev/problems/rate-limited");
    }

    private static String address() {
        return ClientAddresses.next();
    }

    private String ticket() {
        return id(enter("lim_" + NICKS.incrementAndGet()));
    }

    private WebTestClient.ResponseSpec publicRead(String path, String client) {
        return web.get().uri(path).header("X-Forwarded-For", client).exchange();
    }

    private WebTestClient.ResponseSpec poll(String ticket, String client) {
        return web.get()
                .uri("/api/v1/queue/{id}", ticket)
                .header("X-Forwarded-For", client)
                .exchange();
    }

    private WebTestClient.ResponseSpec botPoll(String ticket, String client, String key) {
        return web.get()
                .uri("/api/v1/queue/{id}", ticket)
                .header("X-Forwarded-For", client)
                .header("X-Bot-Key", key)
                .exchange();
    }

    private WebTestClient.ResponseSpec streamRequest(String ticket, String client) {
        return web.get()
                .uri("/api/v1/queue/{id}/events", ticket)
                .header("X-Forwarded-For", client)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange();
    }

    /** An open stream (200 checked), kept open until disposed or the test ends. */
    private Disposable stream(String ticket, String client) {
        Opened opened = open(ticket, client);
        assertThat(opened.status()).isEqualTo(200);
        return opened.stream();
    }

    private Opened open(String ticket, String client) {
        Opened opened = EventStreams.open(port, ticket, client);
        streams.add(opened.stream());
        return opened;
    }

    private WebTestClient.ResponseSpec admin(String client, String authorization) {
        return web.get()
                .uri("/api/v1/admin/admission")
                .header("X-Forwarded-For", client)
                .header("Authorization", authorization)
                .exchange();
    }

    private WebTestClient.ResponseSpec wrongBotKeyEntry(String client) {
        return web.post()
                .uri("/api/v1/queue")
                .header("X-Forwarded-For", client)
                .header("X-Bot-Key", "guess")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("nickname", "guess_" + NICKS.incrementAndGet()))
                .exchange();
    }

    /** The status a new stream of {@code ticket} is answered with; a stream that opens is closed again at once. */
    private int statusOfAStream(String ticket) {
        Opened opened = open(ticket, address());
        opened.stream().dispose();
        return opened.status();
    }

    private static boolean eventually(java.util.function.IntSupplier status, int wanted) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            if (status.getAsInt() == wanted) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
