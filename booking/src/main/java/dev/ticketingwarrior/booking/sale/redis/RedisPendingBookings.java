package dev.ticketingwarrior.booking.sale.redis;

import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.PendingBookings;
import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.debrief.domain.KeptOutcomes;
import dev.ticketingwarrior.booking.debrief.domain.Outcome;
import dev.ticketingwarrior.booking.outage.resilience4j.Dependencies;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Marks the pending copies ({@code complete.lua} wrote them) of resolved bookings with their outcomes
 * ({@code keep-resolved.lua}, one call per round) and lets copy and outcome expire after {@link #KEPT_RESOLVED}; reads
 * an outcome back for a debrief.
 */
@Component
class RedisPendingBookings implements PendingBookings, KeptOutcomes {

    /** Long enough for a player still looking at the result when MySQL stops; then only MySQL answers. */
    static final Duration KEPT_RESOLVED = Duration.ofMinutes(15);

    private final RedissonClient redis;
    private final Dependencies dependencies;

    RedisPendingBookings(RedissonClient redis, Dependencies dependencies) {
        this.redis = redis;
        this.dependencies = dependencies;
    }

    @Override
    public void resolved(Map<BookingId, StoredBooking.Status> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        // one script per round: its keys share the round's hash tag (a batch rarely spans two rounds)
        Map<RoundId, List<Map.Entry<BookingId, StoredBooking.Status>>> byRound = outcomes.entrySet().stream()
                .collect(Collectors.groupingBy(entry -> entry.getKey().round()));
        byRound.forEach((round, resolved) -> {
            RoundKeys keys = new RoundKeys(round);
            List<Object> names = new ArrayList<>(2 * resolved.size());
            List<Object> values = new ArrayList<>(1 + resolved.size());
            values.add(String.valueOf(KEPT_RESOLVED.toMillis()));
            for (Map.Entry<BookingId, StoredBooking.Status> entry : resolved) {
                names.add(keys.pendingBooking(entry.getKey().value()));
                names.add(keys.bookingOutcome(entry.getKey().value()));
                values.add(entry.getValue().name());
            }
            dependencies.redis(() -> redis.getScript(StringCodec.INSTANCE)
                    .eval(
                            RScript.Mode.READ_WRITE,
                            Scripts.KEEP_RESOLVED,
                            RScript.ReturnType.LONG,
                            names,
                            values.toArray()));
        });
    }

    @Override
    public Optional<Outcome.Status> of(BookingId bookingId) {
        String outcome = dependencies.redis(() -> redis.<String>getBucket(
                        new RoundKeys(bookingId.round()).bookingOutcome(bookingId.value()), StringCodec.INSTANCE)
                .get());
        return Optional.ofNullable(outcome).map(Outcome.Status::valueOf);
    }
}
