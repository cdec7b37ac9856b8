package dev.ticketingwarrior.booking.sale.redis;

import dev.ticketingwarrior.booking.config.Dependencies;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.PendingBookings;
import dev.ticketingwarrior.booking.confirmation.domain.StoredBooking;
import dev.ticketingwarrior.booking.debrief.domain.KeptOutcomes;
import dev.ticketingwarrior.booking.debrief.domain.Outcome;
import dev.ticketingwarrior.shared.round.RoundId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/**
 * Marks the pending copies ({@code complete.lua} wrote them) of resolved bookings with their outcomes, in one pipelined
 * batch, and lets copy and outcome expire after {@link #KEPT_RESOLVED}; reads an outcome back for a debrief.
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
        dependencies.redis(() -> {
            RBatch batch = redis.createBatch(BatchOptions.defaults().skipResult());
            outcomes.forEach((id, status) -> {
                RoundKeys keys = new RoundKeys(id.round());
                batch.getBucket(keys.bookingOutcome(id.value()), StringCodec.INSTANCE)
                        .setAsync(status.name(), KEPT_RESOLVED);
                batch.getBucket(keys.pendingBooking(id.value()), StringCodec.INSTANCE)
                        .expireAsync(KEPT_RESOLVED);
            });
            batch.execute();
        });
    }

    @Override
    public Optional<Outcome.Status> of(RoundId round, String bookingId) {
        String outcome = dependencies.redis(
                () -> redis.<String>getBucket(new RoundKeys(round).bookingOutcome(bookingId), StringCodec.INSTANCE)
                        .get());
        return Optional.ofNullable(outcome).map(Outcome.Status::valueOf);
    }
}
