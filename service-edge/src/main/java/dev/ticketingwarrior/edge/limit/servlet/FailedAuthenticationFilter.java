package dev.ticketingwarrior.edge.limit.servlet;

import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.limit.Budgets;
import dev.ticketingwarrior.edge.limit.FailedAuthentications;
import dev.ticketingwarrior.edge.limit.LimitDecision;
import dev.ticketingwarrior.edge.limit.RecentRefusals;
import dev.ticketingwarrior.edge.problem.ProblemType;
import dev.ticketingwarrior.edge.problem.Problems;
import dev.ticketingwarrior.edge.servlet.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link FailedAuthentications} on the servlet stack: a look at the client's failures before the chain (429 when
 * spent; on the bot-key paths only at what this instance remembers), one failure spent after a 401 (the answer is still
 * in the response buffer then, so the next request already sees it). A store that does not answer lets the request through, for the reason the WebFlux filter gives.
 */
public final class FailedAuthenticationFilter extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(FailedAuthenticationFilter.class);

    private final FailedAuthentications rule;
    private final Budgets budgets;
    private final ClientAddressResolver clients;
    private final JsonMapper json;
    private final RecentRefusals refusals;

    public FailedAuthenticationFilter(
            FailedAuthentications rule, Budgets budgets, ClientAddressResolver clients, JsonMapper json) {
        this(rule, budgets, clients, json, new RecentRefusals(Clock.systemUTC(), 10_000));
    }

    public FailedAuthenticationFilter(
            FailedAuthentications rule,
            Budgets budgets,
            ClientAddressResolver clients,
            JsonMapper json,
            RecentRefusals refusals) {
        this.rule = rule;
        this.budgets = budgets;
        this.clients = clients;
        this.json = json;
        this.refusals = refusals;
    }

    @Override
    public int getOrder() {
        // after the dot-segment and body-size filters (first of all), before anything reads a body or a secret
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FailedAuthentications.Guard guard =
                rule.guard(request.getRequestURI(), name -> request.getHeader(name) != null);
        if (guard == FailedAuthentications.Guard.NONE) {
            chain.doFilter(request, response);
            return;
        }
        String client = clients.resolve(
                ClientAddressResolver.peer(request.getRemoteAddr()),
                name -> Collections.list(request.getHeaders(name)));
        String key = rule.key(client);
        LimitDecision decision = refusals.refused(key)
                .map(LimitDecision.class::cast)
                .orElseGet(() -> guard == FailedAuthentications.Guard.CHECKED ? look(key) : LimitDecision.ALLOWED);
        if (decision instanceof LimitDecision.Limited limited) {
            refuse(request, response, limited);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            try {
                if (budgets.spend(key, rule.budget()) instanceof LimitDecision.Limited limited) {
                    refusals.refuse(key, limited.retryAfter());
                }
            } catch (RuntimeException e) {
                log.debug("failed authentication not counted: {}", e.toString());
            }
        }
    }

    private LimitDecision look(String key) {
        try {
            return budgets.look(key, rule.budget());
        } catch (RuntimeException e) {
            log.debug("failed-authentication limit not checked, letting the request through: {}", e.toString());
            return LimitDecision.ALLOWED;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, LimitDecision.Limited limited)
            throws IOException {
        ProblemDetail problem = Problems.detail(ProblemType.RATE_LIMITED, FailedAuthentications.detail());
        Problems.instance(request.getRequestURI()).ifPresent(problem::setInstance);
        response.setHeader(
                HttpHeaders.RETRY_AFTER,
                Long.toString(limited.retryAfterSeconds().toSeconds()));
        ProblemResponses.write(response, problem, json);
    }
}
