package dev.ticketingwarrior.botrunner.bot.http;

import dev.ticketingwarrior.botrunner.bot.domain.CallFailedException;
import dev.ticketingwarrior.botrunner.bot.domain.Failure;
import dev.ticketingwarrior.botrunner.bot.domain.PlayerApi;
import dev.ticketingwarrior.botrunner.bot.domain.RoundOverException;
import dev.ticketingwarrior.botrunner.bot.domain.Seat;
import dev.ticketingwarrior.botrunner.bot.domain.SeatMap;
import dev.ticketingwarrior.botrunner.config.BotRunnerProperties;
import dev.ticketingwarrior.edge.secret.Credentials;
import dev.ticketingwarrior.shared.round.RoundId;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.codec.CodecException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API over HTTP, exactly as a player's browser calls it, plus {@code X-Bot-Key} on every call so the
 * services know a bot (admission marks its token {@code bot=true}; booking lets it skip the security letter). One
 * shared, pooled, non-blocking client serves every bot: connect and response timeouts are set on it (see {@code
 * HttpClientConfiguration}); the queue's event stream, which may rightly stay silent for long, gets the time until
 * the close instead. When the stream fails or ends without a verdict, the bot falls back to polling.
 */
@Component
class WebClientPlayerApi implements PlayerApi {

    static final String BOT_KEY = "X-Bot-Key";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Logger log = LoggerFactory.getLogger(WebClientPlayerApi.class);
    private static final Set<String> ROUND_OVER =
            Set.of("round-not-open", "round-closed", "wrong-round", "place-released");
    /** Booking's answer to a key whose first request has not finished yet: the same key again shortly. */
    private static final String IN_PROGRESS = "idempotency-key-in-progress";
    /** The ticket events a bot waits for; {@code position} events (up to 4/s per ticket) are skipped undecoded. */
    private static final List<String> VERDICTS = List.of("admitted", "closed");

    /**
     * Two more tries, 250 ms then about 500 ms later, after a 503 or a call that timed out or could not connect —
     * only on calls that are safe to repeat (queue entry, whose repeat after a lost answer carries the same entry key
     * and gets the same ticket back; a booking per Idempotency-Key; reads always), as a player would click again. Then
     * the bot gives up with an error.
     */
    private static final Retry RETRY_TRANSIENT = Retry.backoff(2, Duration.ofMillis(250))
            .filter(WebClientPlayerApi::isTransient)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure());

    private static final JsonMapper JSON = JsonMapper.shared();

    /**
     * Connects under way at once while the connections are opened ahead: a burst of thousands overflows the waiting
     * room's accept queue on a busy machine (decision 0007).
     */
    private static final int WARM_UP_IN_FLIGHT = 128;

    private static final Duration WARM_UP_RETRY = Duration.ofMillis(200);

    /** The connections held while opening them go back to the pool this long before the open, the last moment. */
    static final Duration RELEASE_BEFORE_OPEN = Duration.ofMillis(500);

    private final WebClient admission;
    private final WebClient booking;
    /** The same client (and connection pool) as {@code admission}'s, for the event stream. */
    private final HttpClient admissionEvents;

    private final Clock clock;
    private final Duration pollInterval;
    private final int maxConnections;
    private final ConnectionWarmUp warmUp;
    private final Scheduler timer = Schedulers.parallel();

    WebClientPlayerApi(HttpClient botHttpClient, Credentials credentials, BotRunnerProperties properties, Clock clock) {
        ReactorClientHttpConnector connector = new ReactorClientHttpConnector(botHttpClient);
        String botKey = credentials.botKey().reveal();
        this.admission = WebClient.builder()
                .baseUrl(properties.http().admissionUrl())
                .clientConnector(connector)
                .defaultHeader(BOT_KEY, botKey)
                .build();
        this.admissionEvents = botHttpClient
                .baseUrl(properties.http().admissionUrl())
                .headers(headers ->
                        headers.set(BOT_KEY, botKey).set(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE));
        this.booking = WebClient.builder()
                .baseUrl(properties.http().bookingUrl())
                .clientConnector(connector)
                .defaultHeader(BOT_KEY, botKey)
                .build();
        this.clock = clock;
        this.pollInterval = properties.http().pollInterval();
        this.maxConnections = properties.http().maxConnections();
        this.warmUp = new ConnectionWarmUp(
                botHttpClient, properties.http().admissionUrl(), clock, WARM_UP_IN_FLIGHT, WARM_UP_RETRY, timer);
    }

    /**
     * Opens one connection to the waiting room per player before the open (up to the pool's size), so the bots'
     * entries and event streams start on open connections rather than all connecting in the open's first second: taken
     * from the pool without a request and handed back idle ({@link ConnectionWarmUp}), so the waiting room sees only
     * connects, paced, and a connect that fails is tried again until {@link #RELEASE_BEFORE_OPEN} before the open.
     */
    @Override
    public Mono<Void> prepare(int players, Instant by) {
        return warmUp.open(Math.min(players, maxConnections), by.minus(RELEASE_BEFORE_OPEN))
                .then();
    }

    @Override
    public Mono<Entry> enter(String nickname, Consumer<Instant> sent) {
        return Mono.defer(() -> {
            // the request callback runs once a connection is acquired, right before the request is written
            AtomicBoolean first = new AtomicBoolean(true);
            // one key for this entry and its retries: a retry of an entry whose answer was lost resumes its ticket
            String entryKey = UUID.randomUUID().toString().replace("-", "");
            return admission
                    .post()
                    .uri("/api/v1/queue")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Wire.entry(nickname, entryKey))
                    .httpRequest(request -> {
                        if (first.compareAndSet(true, false)) {
                            sent.accept(clock.instant());
                        }
                    })
                    .exchangeToMono(response -> answer(
                            response,
                            "enter",
                            ok -> ok.bodyToMono(Wire.Entered.class)
                                    .map(entered -> new Entry(entered.ticketId(), roundId(entered.roundId()))),
                            (status, slug) -> null))
                    // the same nickname and entry key again in a round is the same ticket: safe to repeat
                    .retryWhen(RETRY_TRANSIENT)
                    .onErrorMap(e -> named("enter", e));
        });
    }

    /**
     * The queue's event stream, read straight off Reactor Netty's client rather than through WebClient's event decoder:
     * a waiting bot gets up to 4 {@code position} events a second and only the verdict matters, so {@link EventStream}
     * skips the rest byte by byte (thousands of bots wait at once, on one core, in the open's first seconds).
     */
    @Override
    public Mono<Admission> awaitAdmission(String ticketId, Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            return Mono.just(new Admission.Closed());
        }
        Duration streamTimeout = left.plusSeconds(2);
        return admissionEvents
                .responseTimeout(streamTimeout)
                .get()
                .uri("/api/v1/queue/" + UriUtils.encodePathSegment(ticketId, StandardCharsets.UTF_8) + "/events")
                .response((response, body) -> {
                    int status = response.status().code();
                    if (status != 200) {
                        return body.aggregate()
                                .asString(StandardCharsets.UTF_8)
                                .defaultIfEmpty("")
                                .flatMap(text -> Mono.<EventStream.Event>error(notAStream(status, text)));
                    }
                    EventStream stream = new EventStream(VERDICTS);
                    // only the first verdict is wanted (the stream ends after it); handle passes on one per chunk
                    return body.<EventStream.Event>handle((chunk, sink) -> {
                        boolean[] passed = {false};
                        stream.feed(chunk, event -> {
                            if (!passed[0]) {
                                passed[0] = true;
                                sink.next(event);
                            }
                        });
                    });
                })
                .next()
                .map(event -> JSON.readValue(event.data(), Wire.TicketStatus.class))
                .map(WebClientPlayerApi::admission)
                .switchIfEmpty(Mono.defer(() -> poll(ticketId)))
                .onErrorResume(e -> !(e instanceof RoundOverException), e -> {
                    log.debug("event stream of {} failed, polling instead: {}", ticketId, e.toString());
                    return poll(ticketId);
                });
    }

    /** A refused event stream: the round being over ends the wait, anything else falls back to polling. */
    private static RuntimeException notAStream(int status, String body) {
        String slug = "";
        try {
            Wire.Problem problem = JSON.readValue(body, Wire.Problem.class);
            slug = problem.slug();
        } catch (RuntimeException notAProblem) {
            // not a problem document: the status says enough
        }
        return ROUND_OVER.contains(slug)
                ? new RoundOverException("events: " + slug)
                : new UnexpectedAnswerException("events", status, slug);
    }

    private Mono<Admission> poll(String ticketId) {
        return Flux.interval(Duration.ZERO, pollInterval, timer)
                .onBackpressureDrop()
                .concatMap(tick -> admission
                        .get()
                        .uri("/api/v1/queue/{ticketId}", ticketId)
                        .accept(MediaType.APPLICATION_JSON)
                        .exchangeToMono(response -> answer(
                                response, "status", ok -> ok.bodyToMono(Wire.TicketStatus.class), (s, g) -> null))
                        .retryWhen(RETRY_TRANSIENT)
                        .onErrorMap(e -> named("status", e)))
                .filter(status -> !"WAITING".equals(status.status()))
                .next()
                .map(WebClientPlayerApi::admission)
                .onErrorMap(e -> named("status", e));
    }

    private static Admission admission(Wire.TicketStatus status) {
        return switch (status.status()) {
            case "ADMITTED" -> {
                if (status.token() == null || status.token().isBlank()) {
                    throw new UnexpectedAnswerException("status", 200, "admitted without a token");
                }
                yield new Admission.Admitted(status.token());
            }
            case "CLOSED" -> new Admission.Closed();
            default -> throw new UnexpectedAnswerException("status", 200, "status " + status.status());
        };
    }

    @Override
    public Mono<SeatMap> seats(RoundId round, String token) {
        return booking.get()
                .uri("/api/v1/rounds/{roundId}/seats", round.value())
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response ->
                        answer(response, "seats", ok -> ok.bodyToMono(Wire.SeatMapBody.class), (s, g) -> null))
                .retryWhen(RETRY_TRANSIENT)
                .onErrorMap(e -> named("seats", e))
                .map(WebClientPlayerApi::seatMap);
    }

    private static SeatMap seatMap(Wire.SeatMapBody body) {
        List<Seat> seats = body.seats() == null
                ? List.of()
                : body.seats().stream()
                        .map(seat -> new Seat(
                                seat.id(), seat.row(), seat.number(), seat.grade(), "AVAILABLE".equals(seat.status())))
                        .toList();
        return new SeatMap(body.rows(), body.columns(), seats);
    }

    @Override
    public Mono<HoldResult> hold(RoundId round, String token, String seatId) {
        return booking.post()
                .uri("/api/v1/rounds/{roundId}/holds", round.value())
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Wire.object("seatId", seatId))
                .exchangeToMono(response -> answer(
                        response,
                        "hold",
                        ok -> ok.bodyToMono(Wire.Held.class)
                                .map(held -> (HoldResult) new HoldResult.Held(held.holdId(), held.seatId())),
                        (status, slug) -> switch (slug) {
                            case "seat-taken", "unknown-seat" -> Mono.just(new HoldResult.Taken(seatId));
                            default -> null;
                        }))
                // not repeated: a hold is not idempotent (a second one would release the first)
                .onErrorMap(e -> named("hold", e));
    }

    @Override
    public Mono<Void> release(String token, String holdId) {
        return booking.delete()
                .uri("/api/v1/holds/{holdId}", holdId)
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchangeToMono(response -> answer(
                        response,
                        "release",
                        ok -> ok.releaseBody(),
                        // already gone (expired): the seat is back on sale either way
                        (status, slug) -> "unknown-hold".equals(slug) ? Mono.<Void>empty() : null))
                .onErrorMap(e -> named("release", e));
    }

    @Override
    public Mono<BookResult> book(String token, String holdId, String idempotencyKey) {
        // the same Idempotency-Key on a retry: booking answers the first attempt's outcome, never a second booking
        return booking.post()
                .uri("/api/v1/bookings")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .header(IDEMPOTENCY_KEY, idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Wire.object("holdId", holdId))
                .exchangeToMono(response -> answer(
                        response,
                        "book",
                        ok -> ok.bodyToMono(Wire.BookingAccepted.class).map(accepted ->
                                (BookResult) new BookResult.Booked(accepted.bookingId(), accepted.seatId())),
                        (status, slug) -> switch (slug) {
                            case "seat-taken", "unknown-hold" -> Mono.just(new BookResult.HoldLost());
                            default -> null;
                        }))
                .retryWhen(RETRY_TRANSIENT)
                .onErrorMap(e -> named("book", e));
    }

    /**
     * Success goes to {@code ok}; a problem goes to {@code known} by status and slug ({@code null} = not a known
     * outcome); the round being over is always {@link RoundOverException}; anything else is an unexpected answer.
     */
    private static <T> Mono<T> answer(
            ClientResponse response,
            String call,
            Function<ClientResponse, Mono<T>> ok,
            BiFunction<Integer, String, Mono<T>> known) {
        if (response.statusCode().is2xxSuccessful()) {
            return ok.apply(response);
        }
        int status = response.statusCode().value();
        return response.bodyToMono(Wire.Problem.class)
                .map(Wire.Problem::slug)
                .onErrorResume(e -> Mono.empty())
                .defaultIfEmpty("")
                .flatMap(slug -> {
                    if (ROUND_OVER.contains(slug)) {
                        return Mono.error(new RoundOverException(call + ": " + slug));
                    }
                    Mono<T> outcome = known.apply(status, slug);
                    if (outcome != null) {
                        return outcome;
                    }
                    return Mono.error(
                            worthAnotherTry(status, slug)
                                    ? new Unavailable(call, status, slug)
                                    : new UnexpectedAnswerException(call, status, slug));
                });
    }

    private static boolean isTransient(Throwable e) {
        if (e instanceof Unavailable) {
            return true;
        }
        if (!(e instanceof WebClientRequestException)) {
            return false;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ReadTimeoutException
                    || cause instanceof TimeoutException
                    || cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** Names the call and classifies the failure, so an error count says which service failed a bot and how. */
    private static Throwable named(String call, Throwable e) {
        if (e instanceof CallFailedException || e instanceof RoundOverException) {
            return e;
        }
        Failure failure = classify(e);
        String detail = e instanceof UnexpectedAnswerException || e instanceof Unavailable
                ? e.getMessage()
                : NestedExceptionUtils.getMostSpecificCause(e).toString();
        return new CallFailedException(call, failure, detail, e);
    }

    static Failure classify(Throwable e) {
        if (e instanceof Unavailable) {
            return Failure.UNAVAILABLE;
        }
        if (e instanceof UnexpectedAnswerException) {
            return Failure.ERROR_ANSWER;
        }
        boolean io = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // Netty's ConnectTimeoutException is a ConnectException: the timeout first
            if (cause instanceof ConnectTimeoutException) {
                return Failure.CONNECT_TIMEOUT;
            }
            if (cause instanceof ConnectException) {
                return Failure.CONNECT_REFUSED;
            }
            if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
                return Failure.RESPONSE_TIMEOUT;
            }
            if (cause instanceof PrematureCloseException) {
                return Failure.CONNECTION_CLOSED;
            }
            if (cause instanceof CodecException) {
                return Failure.ERROR_ANSWER;
            }
            // Reactor Netty's pool exceptions are shaded: known by name (PoolAcquireTimeoutException, …PendingLimit…)
            if (cause.getClass().getSimpleName().startsWith("PoolAcquire")) {
                return Failure.NO_FREE_CONNECTION;
            }
            // the connection itself failed: a reset (Netty's native transport says so in its NativeIoException), a
            // broken pipe, a closed channel; not a name that did not resolve or a TLS handshake (configuration)
            io |= cause instanceof SocketException
                    || cause instanceof ClosedChannelException
                    || cause.getClass().getSimpleName().equals("NativeIoException");
            if (cause.getCause() == cause) {
                break;
            }
        }
        // a killed service's connections: one of the named causes above, if any, first
        return io ? Failure.CONNECTION_CLOSED : Failure.RUNNER;
    }

    private static RoundId roundId(String value) {
        return RoundId.parse(value).orElseThrow(() -> new UnexpectedAnswerException("enter", 201, "round " + value));
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A 503, or a booking whose key is still in progress (409): worth another try on a call safe to repeat. */
    static boolean worthAnotherTry(int status, String slug) {
        return status == 503 || IN_PROGRESS.equals(slug);
    }

    /** An answer {@link #worthAnotherTry}: tried again on a call that is safe to repeat, else an unexpected answer. */
    private static final class Unavailable extends RuntimeException {
        Unavailable(String call, int status, String slug) {
            super(call + " answered " + status + " " + slug, null, false, false);
        }
    }
}
