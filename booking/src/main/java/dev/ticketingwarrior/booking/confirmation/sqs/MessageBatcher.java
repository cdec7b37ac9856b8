package dev.ticketingwarrior.booking.confirmation.sqs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gathers messages sent at the same time into batches of up to {@code maxBatch} (SQS {@code SendMessageBatch} takes
 * 10), with at most {@code maxInFlight} batches on the wire. Nothing waits for a batch to fill: a message goes out at
 * once while a slot is free, and only when every slot is busy do the messages behind them gather into the next batch
 * — so batching grows with the load and adds no delay when idle. Each caller's future completes with the outcome of
 * its own entry: done when the queue acknowledged that entry, failed when the entry or its whole batch failed. A
 * caller that gives up {@link Submission#withdraw withdraws} its message: that succeeds only if its batch has not left,
 * so the caller knows for sure whether the queue may have it.
 */
final class MessageBatcher {

    /** One message of a batch; {@code id} is unique within the batch. */
    record Entry(String id, String body) {}

    /** What the queue answered for a batch: the ids it took, and the reason for each one it refused. */
    record BatchResult(Set<String> accepted, Map<String, String> failed) {}

    /** Sends one batch (without blocking); completes with per-entry results, or fails for the whole batch. */
    @FunctionalInterface
    interface Transport {
        CompletableFuture<BatchResult> send(List<Entry> batch);
    }

    /**
     * One submitted message's result. Exactly one of its batch leaving and {@link #withdraw} wins, so a withdrawn
     * message is never sent and a message that left can no longer be withdrawn.
     */
    static final class Submission extends CompletableFuture<Void> {

        private final AtomicBoolean taken = new AtomicBoolean();

        /** True if the message will never be sent (and the submission is cancelled); false if its batch left. */
        boolean withdraw() {
            if (!taken.compareAndSet(false, true)) {
                return false;
            }
            cancel(false);
            return true;
        }

        private boolean takeForSending() {
            return !isDone() && taken.compareAndSet(false, true);
        }
    }

    private record Pending(String body, Submission result) {}

    private final Transport transport;
    private final int maxBatch;
    private final int maxInFlight;
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    MessageBatcher(Transport transport, int maxBatch, int maxInFlight) {
        if (maxBatch < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("maxBatch and maxInFlight must be positive");
        }
        this.transport = transport;
        this.maxBatch = maxBatch;
        this.maxInFlight = maxInFlight;
    }

    /** Queues {@code body}; the future completes when the queue took it, or fails with the reason it did not. */
    Submission submit(String body) {
        Submission result = new Submission();
        waiting.add(new Pending(body, result));
        pump();
        return result;
    }

    /**
     * Sends batches while messages wait and a slot is free. Called after every submit and after every finished batch;
     * each caller first changes the state (adds a message / frees a slot) and then looks, so one of them always sees
     * a message that the other left behind.
     */
    private void pump() {
        while (!waiting.isEmpty()) {
            int busy = inFlight.get();
            if (busy >= maxInFlight) {
                return;
            }
            if (!inFlight.compareAndSet(busy, busy + 1)) {
                continue;
            }
            List<Pending> batch = new ArrayList<>(maxBatch);
            Pending next;
            while (batch.size() < maxBatch && (next = waiting.poll()) != null) {
                if (next.result().takeForSending()) { // a caller that gave up is not sent
                    batch.add(next);
                }
            }
            if (batch.isEmpty()) {
                inFlight.decrementAndGet();
                continue;
            }
            send(batch);
        }
    }

    private void send(List<Pending> batch) {
        List<Entry> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            entries.add(new Entry(Integer.toString(i), batch.get(i).body()));
        }
        CompletableFuture<BatchResult> sent;
        try {
            sent = transport.send(entries);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((result, failure) -> {
            try {
                for (int i = 0; i < batch.size(); i++) {
                    CompletableFuture<Void> caller = batch.get(i).result();
                    String id = entries.get(i).id();
                    if (failure != null) {
                        caller.completeExceptionally(failure);
                    } else if (result.accepted().contains(id)) {
                        caller.complete(null);
                    } else {
                        String reason = result.failed().getOrDefault(id, "not acknowledged");
                        caller.completeExceptionally(new SendFailures.EntryRefused(reason));
                    }
                }
            } finally {
                inFlight.decrementAndGet();
                pump();
            }
        });
    }
}
