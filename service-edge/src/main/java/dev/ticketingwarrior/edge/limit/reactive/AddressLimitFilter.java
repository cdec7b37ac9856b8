package dev.ticketingwarrior.edge.limit.reactive;

import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.limit.Budget;
import dev.ticketingwarrior.edge.limit.LimitDecision;
import dev.ticketingwarrior.edge.limit.LimitKeys;
import dev.ticketingwarrior.edge.limit.LocalFirstBudgets;
import dev.ticketingwarrior.edge.limit.TooManyRequests;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Per-address limits on public endpoints that carry no credential to count by (the clock, the JWKS, the bots' public
 * settings): the first rule whose path matches spends one call of the client's address, locally first (these are
 * read by every browser), and a spent budget answers 429 with Retry-After before the handler runs. A budget that
 * cannot be counted lets the request through.
 */
public final class AddressLimitFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(AddressLimitFilter.class);

    /** Calls to paths matching {@code path} (a Spring path pattern) spend {@code budget} of counter {@code name}. */
    public record Rule(String name, String path, Budget budget, String what) {

        PathPattern pattern() {
            return PathPatternParser.defaultInstance.parse(path);
        }
    }

    private record Compiled(Rule rule, PathPattern pattern) {}

    private final List<Compiled> rules;
    private final LocalFirstBudgets budgets;
    private final ClientAddressResolver clients;

    public AddressLimitFilter(List<Rule> rules, LocalFirstBudgets budgets, ClientAddressResolver clients) {
        this.rules =
                rules.stream().map(rule -> new Compiled(rule, rule.pattern())).toList();
        this.budgets = budgets;
        this.clients = clients;
    }

    @Override
    public int getOrder() {
        // after the body-size and deadline filters, beside the failed-authentication one
        return Ordered.HIGHEST_PRECEDENCE + 110;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (Compiled compiled : rules) {
            if (compiled.pattern().matches(path)) {
                return spend(compiled.rule(), exchange).then(Mono.defer(() -> chain.filter(exchange)));
            }
        }
        return chain.filter(exchange);
    }

    private Mono<Void> spend(Rule rule, ServerWebExchange exchange) {
        return Mono.defer(() -> {
                    String address = clients.resolve(
                            exchange.getRequest().getRemoteAddress(),
                            exchange.getRequest().getHeaders());
                    return budgets.spend(LimitKeys.key(rule.name(), address), rule.budget());
                })
                .onErrorResume(e -> {
                    log.debug("{} limit not checked, letting the request through: {}", rule.name(), e.toString());
                    return Mono.just(LimitDecision.ALLOWED);
                })
                .flatMap(decision -> decision instanceof LimitDecision.Limited limited
                        ? Mono.error(TooManyRequests.problem(
                                "Too many " + rule.what() + " from this address; retry later.", limited))
                        : Mono.empty());
    }
}
