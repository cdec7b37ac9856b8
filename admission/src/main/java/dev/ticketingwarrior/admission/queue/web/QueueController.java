package dev.ticketingwarrior.admission.queue.web;

import dev.ticketingwarrior.admission.queue.domain.Claim;
import dev.ticketingwarrior.admission.queue.domain.EntryKey;
import dev.ticketingwarrior.admission.queue.domain.EntryResult;
import dev.ticketingwarrior.admission.queue.domain.Nickname;
import dev.ticketingwarrior.admission.queue.domain.QueueService;
import dev.ticketingwarrior.admission.queue.domain.TicketId;
import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.limit.TooManyRequests;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.edge.secret.Credentials;
import dev.ticketingwarrior.edge.secret.SharedSecret;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Queue entry, standing and the live stream of a ticket (SPEC §4). */
@RestController
@RequestMapping("/api/v1/queue")
class QueueController {

    static final String BOT_KEY = "X-Bot-Key";

    private final QueueService queue;
    private final ClientAddressResolver clients;
    /** Resolved while the service starts: in the aws profile a missing key stops start-up, not the first bot. */
    private final SharedSecret botSecret;

    private final TicketLimits limits;
    private final TicketStreams streams;

    QueueController(
            QueueService queue,
            TicketStreams streams,
            TicketLimits limits,
            ClientAddressResolver clients,
            Credentials credentials) {
        this.queue = queue;
        this.clients = clients;
        this.botSecret = credentials.botKey();
        this.limits = limits;
        this.streams = streams;
    }

    @Operation(
            summary = "Enter the current round's waiting room",
            description = "201 with a new ticket. A nickname belongs to the client that entered with it: 200 with the"
                    + " same ticket when the body also carries the ticketId that client was given this round (a"
                    + " reload) or the entryKey the ticket was made with (an answer the client never got), 409"
                    + " nickname-taken for anyone else (never the owner's ticket or token); nicknames that only look"
                    + " different (case, width, look-alike letters: probe, PROBE, ｐｒｏｂｅ) are one nickname. 400"
                    + " invalid-nickname (also a nickname that mixes scripts as look-alikes do), 400"
                    + " invalid-request (a malformed entryKey), 401 invalid-bot-key, 409 round-not-open (with"
                    + " opensAt), 429.")
    @ApiResponse(
            responseCode = "201",
            description = "A new ticket",
            content = @Content(schema = @Schema(implementation = EnteredResponse.class)))
    @ApiResponse(
            responseCode = "200",
            description = "The owner resumed: the same ticket",
            content = @Content(schema = @Schema(implementation = EnteredResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "nickname-taken (another client holds the nickname, or one that looks like it, this round),"
                    + " or round-not-open",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<EnteredResponse>> enter(
            @RequestBody Mono<EnterQueueRequest> body,
            @Parameter(description = "Marks the player as a bot; a wrong key is refused")
                    @RequestHeader(name = BOT_KEY, required = false)
                    String botKey,
            ServerHttpRequest request) {
        boolean bot = isBot(botKey);
        // the client's entry limit is counted by the entry itself (one round trip); a body that is refused before
        // (no nickname, an invalid one, a closed round) costs no Redis call at all
        String client = bot ? "" : client(request);
        return body.switchIfEmpty(
                        Mono.error(() -> ProblemException.of(ProblemType.INVALID_NICKNAME, "A nickname is required.")))
                .flatMap(entry -> Nickname.parse(entry.nickname())
                        .map(nickname -> queue.enter(nickname, claim(entry), bot, client))
                        .orElseGet(() -> Mono.error(ProblemException.of(
                                ProblemType.INVALID_NICKNAME, Nickname.ruleBroken(entry.nickname())))))
                .map(QueueController::respond);
    }

    /** The entry's proofs of owning its nickname's ticket; a malformed entry key is refused, not ignored. */
    private static Claim claim(EnterQueueRequest entry) {
        Optional<EntryKey> key = EntryKey.parse(entry.entryKey());
        if (entry.entryKey() != null && key.isEmpty()) {
            throw ProblemException.of(ProblemType.INVALID_REQUEST, EntryKey.RULE);
        }
        return new Claim(TicketId.parse(entry.ticketId()), key);
    }

    private static ResponseEntity<EnteredResponse> respond(EntryResult result) {
        return switch (result) {
            case EntryResult.Entered entered ->
                ResponseEntity.created(URI.create(
                                "/api/v1/queue/" + entered.ticket().ticketId().value()))
                        .body(EnteredResponse.of(entered.ticket()));
            case EntryResult.Resumed resumed -> ResponseEntity.ok(EnteredResponse.of(resumed.ticket()));
            case EntryResult.RateLimited limited ->
                throw TooManyRequests.problem("Too many entries from this client; retry later.", limited.retryAfter());
            case EntryResult.NicknameTaken taken ->
                throw ProblemException.of(
                        ProblemType.NICKNAME_TAKEN,
                        "Another player entered this round with this nickname; choose another one.");
            case EntryResult.RoundNotOpen notOpen ->
                throw ProblemException.of(
                        ProblemType.ROUND_NOT_OPEN,
                        "The round is not open; the next one opens at " + notOpen.opensAt() + ".",
                        "opensAt",
                        notOpen.opensAt().toString());
        };
    }

    @Operation(
            summary = "Where a ticket stands; the token once admitted",
            description = "401 invalid-bot-key for a wrong X-Bot-Key; 404 unknown-ticket; 429 rate-limited (with"
                    + " Retry-After) past the per-client or per-ticket"
                    + " budget of status requests (an id of no ticket's shape spends the client's, a bot's too)")
    @GetMapping(value = "/{ticketId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<TicketResponse> status(
            @PathVariable String ticketId,
            @Parameter(description = "A bot is counted per ticket, not per address; a wrong key is refused (401)")
                    @RequestHeader(name = BOT_KEY, required = false)
                    String botKey,
            ServerHttpRequest request) {
        boolean bot = isBot(botKey);
        Optional<TicketId> id = TicketId.parse(ticketId);
        if (id.isEmpty()) {
            return noSuchTicket(request);
        }
        return limits.poll(client(request), bot, id.get())
                .then(queue.status(id.get()))
                .map(TicketResponse::of)
                .switchIfEmpty(Mono.error(TicketStreams::unknownTicket));
    }

    @Operation(
            summary = "Live standing of a ticket",
            description = "Server-sent events: 'position' when it changes (at most 4/s within the first 100, 2/s to"
                    + " 1,000, 1/s further back), then 'admitted' (with the"
                    + " token) or 'closed', then the stream ends. A stream with no news"
                    + " beats: a 'heartbeat' event repeating the standing it sent last, at least every 15 s"
                    + " (ADMISSION_SSE_KEEP_ALIVE), so idle proxies keep it open and a client that hears nothing for"
                    + " longer knows the connection is dead. 401"
                    + " invalid-bot-key for a wrong X-Bot-Key; 404 unknown-ticket (an id of no ticket's shape spends"
                    + " one of the client's status requests, 429 past that budget); 429 rate-limited when this ticket"
                    + " or this client already has its share of streams open; 503 (with"
                    + " Retry-After) when this instance holds as many streams as it can (ADMISSION_MAX_STREAMS): poll"
                    + " the status instead.")
    @GetMapping(value = "/{ticketId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Mono<ResponseEntity<Flux<ServerSentEvent<TicketResponse>>>> events(
            @PathVariable String ticketId,
            @Parameter(description = "A bot is counted per ticket, not per address; a wrong key is refused (401)")
                    @RequestHeader(name = BOT_KEY, required = false)
                    String botKey,
            ServerHttpRequest request) {
        // the same as EventStreamRoute, which takes the plain requests of players before they reach here
        boolean bot = isBot(botKey);
        Optional<TicketId> id = TicketId.parse(ticketId);
        if (id.isEmpty()) {
            return noSuchTicket(request);
        }
        if (HttpMethod.HEAD.equals(request.getMethod())) {
            // the answer a GET would get, without its body: a HEAD's body is never subscribed, so a stream opened for
            // it would keep its place and slots; it is given back at once
            return streams.open(client(request), bot, id.get()).map(stream -> {
                stream.close();
                return ResponseEntity.ok()
                        .contentType(MediaType.TEXT_EVENT_STREAM)
                        .build();
            });
        }
        return streams.events(client(request), bot, id.get())
                .map(events -> ResponseEntity.ok()
                        .contentType(MediaType.TEXT_EVENT_STREAM)
                        .body(events));
    }

    /** An id of no ticket's shape: 404 unknown-ticket, after it spent a status request of the client's budget. */
    private <T> Mono<T> noSuchTicket(ServerHttpRequest request) {
        return limits.pollOfNoTicket(client(request)).then(Mono.error(TicketStreams::unknownTicket));
    }

    private String client(ServerHttpRequest request) {
        return clients.resolve(request.getRemoteAddress(), request.getHeaders());
    }

    /**
     * Whether a valid key makes the caller a bot; a wrong key is refused (401, counted as a failed authentication), so
     * that its answer cannot tell a right key from a wrong one by the per-address budget it spends.
     */
    private boolean isBot(String botKey) {
        if (botKey == null) {
            return false;
        }
        if (!botSecret.matches(botKey)) {
            throw ProblemException.of(ProblemType.INVALID_BOT_KEY, "The X-Bot-Key is not valid.");
        }
        return true;
    }
}
