package dev.ticketingwarrior.edge.reactive;

import dev.ticketingwarrior.edge.log.LoggedPaths;
import dev.ticketingwarrior.edge.log.RepeatedWarnings;
import dev.ticketingwarrior.edge.problem.DependencyUnavailableException;
import dev.ticketingwarrior.edge.problem.ProblemException;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.edge.problem.Problems;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every request gets an answer within the deadline. When its answer has not begun by then (a dependency call without
 * a timeout, a signal lost somewhere, anything), the work is cancelled, the stall is logged and the client gets a 503
 * problem with {@code Retry-After}, instead of waiting for its own timeout or a proxy's. An answer that has begun is
 * left to finish, and an event stream ({@code text/event-stream}, asked for or chosen by the handler) is exempt: it
 * lives as long as it has news. A client still sending its body at the deadline is the slow one: 408, not 503. A
 * client that went away is answered 400, which nobody may read.
 */
final class RequestDeadlineFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RequestDeadlineFilter.class);

    /** Something that hangs holds every request that needs it: one line every 10 s, with how many it stands for. */
    private final RepeatedWarnings cancelled = new RepeatedWarnings(log);

    private final Duration deadline;
    private final ProblemWriter writer;

    RequestDeadlineFilter(Duration deadline, ProblemWriter writer) {
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** Around everything else the service does with a request, the body-size limit included. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (asksForEventStream(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        BodyArrival body = new BodyArrival();
        // a request without a body (the polls, most of the traffic) is passed on as it is
        ServerWebExchange watched = hasBody(exchange.getRequest())
                ? exchange.mutate().request(body.watch(exchange.getRequest())).build()
                : exchange;
        Mono<Long> overdue = Mono.delay(deadline)
                .filter(tick -> !answering(exchange.getResponse()))
                .switchIfEmpty(Mono.never());
        return chain.filter(watched)
                // a client that went away is answered here, as by LastResortProblemHandler: its error racing the
                // deadline would reach the timeout after it fired, to be dropped and logged at ERROR by Reactor
                .onErrorResume(
                        LastResortProblemHandler::clientWentAway,
                        gone -> LastResortProblemHandler.answerGone(writer, exchange, gone))
                .timeout(overdue, Mono.defer(() -> body.arriving() ? slowBody(exchange) : stalled(exchange)));
    }

    /**
     * The answer at the deadline is the last word. It fails only when the response can no longer be written (the
     * client closed its connection just then): another handler would fail the same way, and its 500 would be logged
     * as an error of ours.
     */
    private Mono<Void> lastWord(ServerWebExchange exchange, Mono<Void> answer) {
        return answer.onErrorResume(e -> {
            ServerHttpRequest request = exchange.getRequest();
            if (LastResortProblemHandler.clientWentAway(e)) {
                log.info(
                        "{} {}: the answer at the deadline was not sent, the client went away: {}",
                        request.getMethod(),
                        loggable(request),
                        e.toString());
            } else {
                log.warn("{} {}: the answer at the deadline was not sent", request.getMethod(), loggable(request), e);
            }
            return Mono.empty();
        });
    }

    private static boolean hasBody(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    /** Read as text: a malformed Accept is for the handler mapping to refuse (406), not for this filter to trip on. */
    private static boolean asksForEventStream(ServerHttpRequest request) {
        return request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT).stream()
                .anyMatch(accept -> accept.toLowerCase(Locale.ROOT).contains(MediaType.TEXT_EVENT_STREAM_VALUE));
    }

    /** The answer is under way (its headers are going out) or is going to be an event stream. */
    private static boolean answering(ServerHttpResponse response) {
        MediaType type = response.getHeaders().getContentType();
        return response.isCommitted() || (type != null && MediaType.TEXT_EVENT_STREAM.equalsTypeAndSubtype(type));
    }

    private Mono<Void> stalled(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        cancelled.warn(
                "deadline",
                "{} {} not answered within {}: cancelled, answered 503",
                request.getMethod(),
                loggable(request),
                deadline);
        ProblemException problem = ProblemException.retryAfter(
                ProblemType.SERVICE_UNAVAILABLE,
                "The request was not answered in time; retry shortly.",
                DependencyUnavailableException.RETRY_SOON);
        return lastWord(exchange, writer.write(exchange, problem));
    }

    /** The client is still sending its body: its own slowness, a 408 (SPEC §9: no 5xx for client input). */
    private Mono<Void> slowBody(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        log.info("{} {}: body not received within {}, answered 408", request.getMethod(), loggable(request), deadline);
        // the rest of the body is never read: the connection must not carry another request
        exchange.getResponse().getHeaders().setConnection("close");
        return lastWord(
                exchange,
                writer.write(
                        exchange,
                        Problems.forStatus(HttpStatusCode.valueOf(408), "The request body did not arrive in time.")));
    }

    private static String loggable(ServerHttpRequest request) {
        return LoggedPaths.of(request.getPath().value());
    }

    /** Whether a request's body is being read and has not all arrived yet. */
    private static final class BodyArrival {

        private final AtomicBoolean reading = new AtomicBoolean();
        private final AtomicBoolean arrived = new AtomicBoolean();

        ServerHttpRequest watch(ServerHttpRequest request) {
            return new ServerHttpRequestDecorator(request) {
                @Override
                public Flux<DataBuffer> getBody() {
                    return super.getBody()
                            .doOnSubscribe(subscription -> reading.set(true))
                            // not on cancel: the deadline cancels a body still arriving before it asks; not on
                            // error: a body cut off by its client did not arrive either (a 408, not a stall of ours)
                            .doOnComplete(() -> arrived.set(true));
                }
            };
        }

        boolean arriving() {
            return reading.get() && !arrived.get();
        }
    }
}
