package dev.ticketingwarrior.admission.queue.web;

import dev.ticketingwarrior.admission.queue.domain.TicketId;
import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.log.EndedStreams;
import dev.ticketingwarrior.edge.problem.ProblemAnswer;
import dev.ticketingwarrior.edge.problem.Problems;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plain request for a ticket's event stream, served by Reactor Netty itself, ahead of Spring's web handler. A
 * stream lives for minutes, and through the web handler it keeps that handler's whole chain alive with it (the
 * exchange and its attributes, every filter and exception handler, the controller's invocation, the message writer),
 * most of what a held stream would cost. Here a stream keeps the connection and a watcher whose home is the
 * connection's event loop: each tick's standings are written to the socket by that loop ({@link ChannelStandings}), with
 * no Reactor chain, queue or task per stream or event (what that saves: perf/README, "Live streams").
 *
 * <p>Only the plain request is taken: {@code GET /api/v1/queue/{ticketId}/events} with a well-formed ticket id, no
 * query, no body, no {@code X-Bot-Key}, and an {@code Accept} that is absent, {@code text/event-stream} or
 * {@code *}{@code /*} — what the web app's {@code EventSource} and the journeys send. Anything else (a bot's stream
 * too: its key is checked behind the edge's failed-authentication filter) goes on
 * to the controller's same endpoint, where the service's whole edge (problem answers for odd headers, bodies and
 * encodings) applies as to every other request. The answers are the same either way: the same events, and the same
 * problems (404 unknown-ticket, 429, 503 with Retry-After) from the same {@link TicketStreams}.
 */
@Component
final class EventStreamRoute implements NettyRouteProvider {

    private static final String PREFIX = "/api/v1/queue/";
    private static final String SUFFIX = "/events";

    private final TicketStreams streams;
    private final ClientAddressResolver clients;
    private final JsonMapper json;

    EventStreamRoute(TicketStreams streams, ClientAddressResolver clients, JsonMapper json) {
        this.streams = streams;
        this.clients = clients;
        this.json = json;
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(request -> ticketOf(request).isPresent(), this::serve);
    }

    /** The ticket of a plain stream request; empty for anything the controller should answer. */
    static Optional<TicketId> ticketOf(HttpServerRequest request) {
        String uri = request.uri();
        if (!HttpMethod.GET.equals(request.method())
                || !uri.startsWith(PREFIX)
                || !uri.endsWith(SUFFIX)
                || uri.length() <= PREFIX.length() + SUFFIX.length()) {
            return Optional.empty();
        }
        HttpHeaders headers = request.requestHeaders();
        String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        if ((length != null && !length.equals("0"))
                || headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                // a bot's key is checked by the controller, behind the edge's failed-authentication filter, which
                // this route is ahead of: a client that spent its failures is refused there whatever key it sends
                || headers.contains(QueueController.BOT_KEY)
                || !plainAccept(headers.getAll(HttpHeaderNames.ACCEPT))) {
            return Optional.empty();
        }
        // a '/', '?', '%' or anything else a ticket id has not fails the parse
        return TicketId.parse(uri.substring(PREFIX.length(), uri.length() - SUFFIX.length()));
    }

    private static boolean plainAccept(List<String> accept) {
        if (accept.isEmpty()) {
            return true;
        }
        if (accept.size() > 1) {
            return false;
        }
        String value = accept.get(0).trim();
        return value.equalsIgnoreCase(MediaType.TEXT_EVENT_STREAM_VALUE) || value.equals(MediaType.ALL_VALUE);
    }

    private Publisher<Void> serve(HttpServerRequest request, HttpServerResponse response) {
        TicketId ticket = ticketOf(request).orElseThrow();
        HttpHeaders headers = request.requestHeaders();
        InetSocketAddress peer = request.remoteAddress();
        String client = clients.resolve(peer == null ? null : peer.getAddress(), headers::getAll);
        return streams.open(client, false, ticket)
                .onErrorResume(e -> problem(request, response, e).then(Mono.empty()))
                .flatMap(stream -> response.status(200)
                        .header(HttpHeaderNames.CONTENT_TYPE, MediaType.TEXT_EVENT_STREAM_VALUE)
                        .header(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                        .then()
                        .then(Mono.<Void>create(done -> response.withConnection(connection -> {
                            Channel channel = connection.channel();
                            ChannelStandings standings = new ChannelStandings(
                                    channel, json, done, error -> EndedStreams.ended(request.fullPath(), error));
                            done.onDispose(stream.watch(channel.eventLoop(), standings));
                        })))
                        // the client left, the stream ended or failed, or its headers could not be sent
                        .doFinally(signal -> stream.close()));
    }

    /** The problem answer the controller's advice gives for {@code error}: the same {@link ProblemAnswer}. */
    private Mono<Void> problem(HttpServerRequest request, HttpServerResponse response, Throwable error) {
        ProblemAnswer answer = ProblemAnswer.of(error, request.fullPath());
        response.status(answer.status());
        answer.headers().forEach((name, values) -> response.header(name, String.join(", ", values)));
        return response.sendByteArray(Mono.just(Problems.json(json, answer.body())))
                .then();
    }
}
