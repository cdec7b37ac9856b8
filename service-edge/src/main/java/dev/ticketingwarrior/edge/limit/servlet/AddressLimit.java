package dev.ticketingwarrior.edge.limit.servlet;

import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.limit.Budget;
import dev.ticketingwarrior.edge.limit.Budgets;
import dev.ticketingwarrior.edge.limit.LimitDecision;
import dev.ticketingwarrior.edge.limit.LimitKeys;
import dev.ticketingwarrior.edge.limit.TooManyRequests;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A per-address limit for calls that carry no credential to count by (public reads): the client is the address, told
 * apart as every service tells it (CloudFront's viewer address or X-Forwarded-For, believed only from trusted
 * proxies). A budget that cannot be counted lets the call through: the call itself needs the same store and answers
 * its own 503.
 */
public final class AddressLimit {

    private static final Logger log = LoggerFactory.getLogger(AddressLimit.class);

    private final Budgets budgets;
    private final String rule;
    private final Budget perAddress;
    private final ClientAddressResolver addresses;
    private final String what;

    /**
     * {@code rule}: the counters' name ({@code limits:<rule>:{<address>}}); {@code what}: what the client called too
     * often, for the problem's detail ("results and booking look-ups").
     */
    public AddressLimit(Budgets budgets, String rule, Budget perAddress, ClientAddressResolver addresses, String what) {
        this.budgets = budgets;
        this.rule = rule;
        this.perAddress = perAddress;
        this.addresses = addresses;
        this.what = what;
    }

    /** Spends one call of the request's address; a 429 problem with Retry-After past the budget. */
    public void spend(HttpServletRequest request) {
        LimitDecision decision;
        try {
            String address = addresses.resolve(
                    ClientAddressResolver.peer(request.getRemoteAddr()),
                    name -> Collections.list(request.getHeaders(name)));
            decision = budgets.spend(LimitKeys.key(rule, address), perAddress);
        } catch (RuntimeException e) {
            log.debug("{} limit not checked, letting the call through: {}", rule, e.toString());
            return;
        }
        if (decision instanceof LimitDecision.Limited limited) {
            throw TooManyRequests.problem("Too many " + what + " from this address; retry later.", limited);
        }
    }
}
