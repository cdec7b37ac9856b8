package dev.ticketingwarrior.booking.sale.redis;

import dev.ticketingwarrior.booking.config.Dependencies;
import dev.ticketingwarrior.booking.confirmation.domain.BookingId;
import dev.ticketingwarrior.booking.confirmation.domain.PendingBookings;
import java.util.Collection;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

/** Deletes the pending copies ({@code complete.lua} wrote them) of resolved bookings, in one pipelined batch. */
@Component
class RedisPendingBookings implements PendingBookings {

    private final RedissonClient redis;
    private final Dependencies dependencies;

    RedisPendingBookings(RedissonClient redis, Dependencies dependencies) {
        this.redis = redis;
        this.dependencies = dependencies;
    }

    @Override
    public void resolved(Collection<BookingId> bookings) {
        if (bookings.isEmpty()) {
            return;
        }
        dependencies.redis(() -> {
            RBatch batch = redis.createBatch(BatchOptions.defaults().skipResult());
            for (BookingId id : bookings) {
                batch.getBucket(new RoundKeys(id.round()).pendingBooking(id.value()), StringCodec.INSTANCE)
                        .deleteAsync();
            }
            batch.execute();
        });
    }
}
