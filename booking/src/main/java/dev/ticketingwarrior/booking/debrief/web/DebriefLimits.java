package dev.ticketingwarrior.booking.debrief.web;

import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.limit.Budget;
import dev.ticketingwarrior.edge.limit.Budgets;
import dev.ticketingwarrior.edge.limit.LimitDecision;
import dev.ticketingwarrior.edge.limit.LimitKeys;
import dev.ticketingwarrior.edge.limit.TooManyRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-client limit on debrief and history calls (docs/decisions/0010). They carry no admission token (the round
 * is usually over, and a history spans rounds), so the client is the address, told apart as admission tells it
 * (CloudFront's viewer address or X-Forwarded-For, believed only from trusted proxies). A budget that cannot be
 * counted lets the call through: the call itself needs the same Redis or MySQL and answers its own 503.
 */
public final class DebriefLimits {

    private static final Logger log = LoggerFactory.getLogger(DebriefLimits.class);
    private static final String RULE = "debriefs";

    private final Budgets budgets;
    private final Budget perAddress;
    private final ClientAddressResolver addresses;

    public DebriefLimits(Budgets budgets, Budget perAddress, ClientAddressResolver addresses) {
        this.budgets = budgets;
        this.perAddress = perAddress;
        this.addresses = addresses;
    }

    /** Spends one read of the request's address; a 429 problem with Retry-After past the budget. */
    void spend(HttpServletRequest request) {
        LimitDecision decision;
        try {
            String address = addresses.resolve(
                    ClientAddressResolver.peer(request.getRemoteAddr()),
                    name -> java.util.Collections.list(request.getHeaders(name)));
            decision = budgets.spend(LimitKeys.key(RULE, address), perAddress);
        } catch (RuntimeException e) {
            log.debug("debrief limit not checked, letting the call through: {}", e.toString());
            return;
        }
        if (decision instanceof LimitDecision.Limited limited) {
            throw TooManyRequests.problem(
                    "Too many debrief and history reads from this address; retry later.", limited);
        }
    }
}
