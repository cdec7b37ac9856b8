package dev.ticketingwarrior.edge.limit.reactive;

import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.limit.FailedAuthentications;
import dev.ticketingwarrior.edge.limit.LimitDecision;
import dev.ticketingwarrior.edge.limit.ReactiveBudgets;
import dev.ticketingwarrior.edge.limit.RecentRefusals;
import dev.ticketingwarrior.edge.limit.TooManyRequests;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@link FailedAuthentications} on WebFlux: a look at the client's failures before the chain (429 when spent; on the
 * bot-key paths only at what this instance remembers), and
 * one failure spent just before a 401 is committed, so the next request already sees it. A store that does not answer
 * lets the request through: the guarded APIs check their secret anyway, and refusing everyone while Redis is away
 * would lock ops out exactly when they need the admin API.
 */
public final class FailedAuthenticationFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(FailedAuthenticationFilter.class);

    private final FailedAuthentications rule;
    private final ReactiveBudgets budgets;
    private final ClientAddressResolver clients;
    private final RecentRefusals refusals;

    public FailedAuthenticationFilter(
            FailedAuthentications rule, ReactiveBudgets budgets, ClientAddressResolver clients) {
        this(rule, budgets, clients, new RecentRefusals(Clock.systemUTC(), 10_000));
    }

    public FailedAuthenticationFilter(
            FailedAuthentications rule,
            ReactiveBudgets budgets,
            ClientAddressResolver clients,
            RecentRefusals refusals) {
        this.rule = rule;
        this.budgets = budgets;
        this.clients = clients;
        this.refusals = refusals;
    }

    @Override
    public int getOrder() {
        // after the body-size and deadline filters, before anything reads a body or a secret
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        FailedAuthentications.Guard guard =
                rule.guard(request.getPath().pathWithinApplication().value(), request.getHeaders()::containsHeader);
        if (guard == FailedAuthentications.Guard.NONE) {
            return chain.filter(exchange);
        }
        String key = rule.key(clients.resolve(request.getRemoteAddress(), request.getHeaders()));
        Optional<LimitDecision.Limited> remembered = refusals.refused(key);
        if (remembered.isPresent()) {
            return Mono.error(TooManyRequests.problem(FailedAuthentications.detail(), remembered.get()));
        }
        exchange.getResponse().beforeCommit(() -> {
            if (!HttpStatus.UNAUTHORIZED.equals(exchange.getResponse().getStatusCode())) {
                return Mono.empty();
            }
            return budgets.spend(key, rule.budget())
                    .doOnNext(decision -> {
                        if (decision instanceof LimitDecision.Limited limited) {
                            refusals.refuse(key, limited.retryAfter());
                        }
                    })
                    .then()
                    .onErrorResume(e -> {
                        log.debug("failed authentication not counted: {}", e.toString());
                        return Mono.empty();
                    });
        });
        if (guard == FailedAuthentications.Guard.COUNTED) {
            return chain.filter(exchange);
        }
        return budgets.look(key, rule.budget())
                .onErrorResume(e -> {
                    log.debug("failed-authentication limit not checked, letting the request through: {}", e.toString());
                    return Mono.just(LimitDecision.ALLOWED);
                })
                .flatMap(decision -> switch (decision) {
                    case LimitDecision.Allowed allowed -> chain.filter(exchange);
                    case LimitDecision.Limited limited ->
                        Mono.error(TooManyRequests.problem(FailedAuthentications.detail(), limited));
                });
    }
}
