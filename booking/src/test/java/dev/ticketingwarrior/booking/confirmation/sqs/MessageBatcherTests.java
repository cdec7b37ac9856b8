package dev.ticketingwarrior.booking.confirmation.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MessageBatcherTests {

    /** A queue that answers each batch only when the test says so, refusing the bodies it was told to refuse. */
    private static final class ManualQueue implements MessageBatcher.Transport {
        final List<List<MessageBatcher.Entry>> batches = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<MessageBatcher.BatchResult>> answers = new CopyOnWriteArrayList<>();
        final Set<String> refuse;

        ManualQueue(Set<String> refuse) {
            this.refuse = refuse;
        }

        @Override
        public CompletableFuture<MessageBatcher.BatchResult> send(List<MessageBatcher.Entry> batch) {
            batches.add(batch);
            CompletableFuture<MessageBatcher.BatchResult> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        }

        void answer(int batch) {
            List<MessageBatcher.Entry> entries = batches.get(batch);
            Set<String> accepted = entries.stream()
                    .filter(e -> !refuse.contains(e.body()))
                    .map(MessageBatcher.Entry::id)
                    .collect(Collectors.toSet());
            Map<String, String> failed = entries.stream()
                    .filter(e -> refuse.contains(e.body()))
                    .collect(Collectors.toMap(MessageBatcher.Entry::id, e -> "InternalError"));
            answers.get(batch).complete(new MessageBatcher.BatchResult(accepted, failed));
        }
    }

    @Test
    void sendsAtOnceWhenIdleAndGathersTheMessagesThatArriveWhileEverySlotIsBusy() {
        ManualQueue queue = new ManualQueue(Set.of());
        MessageBatcher batcher = new MessageBatcher(queue, 10, 1);

        CompletableFuture<Void> first = batcher.submit("m0");
        assertThat(queue.batches).hasSize(1); // nothing waited for a batch to fill
        List<CompletableFuture<Void>> behind = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            behind.add(batcher.submit("m" + i));
        }
        assertThat(queue.batches).hasSize(1); // the only slot is busy: the 25 wait

        queue.answer(0);
        assertThat(first).isCompleted();
        assertThat(queue.batches).hasSize(2);
        assertThat(queue.batches.get(1)).hasSize(10);
        queue.answer(1);
        queue.answer(2);
        queue.answer(3);
        assertThat(queue.batches.stream().map(List::size).toList()).containsExactly(1, 10, 10, 5);
        assertThat(behind).allSatisfy(f -> assertThat(f).isCompleted());
    }

    @Test
    void eachCallerGetsTheResultOfItsOwnEntry() throws Exception {
        ManualQueue queue = new ManualQueue(Set.of("m3", "m7"));
        MessageBatcher batcher = new MessageBatcher(queue, 10, 1);
        batcher.submit("m0"); // occupies the slot so the next ten share one batch
        List<CompletableFuture<Void>> callers = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            callers.add(batcher.submit("m" + i));
        }
        queue.answer(0);
        queue.answer(1);

        assertThat(queue.batches.get(1)).hasSize(10);
        for (int i = 1; i <= 10; i++) {
            CompletableFuture<Void> caller = callers.get(i - 1);
            if (i == 3 || i == 7) {
                assertThatThrownBy(() -> caller.get(1, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasMessageContaining("InternalError");
            } else {
                assertThat(caller.get(1, TimeUnit.SECONDS)).isNull();
            }
        }
    }

    @Test
    void aBatchThatFailsAsAWholeFailsEveryCallerInItAndTheNextBatchStillGoes() {
        ManualQueue queue = new ManualQueue(Set.of());
        MessageBatcher batcher = new MessageBatcher(queue, 10, 1);
        CompletableFuture<Void> first = batcher.submit("m0");
        CompletableFuture<Void> second = batcher.submit("m1");
        queue.answers.get(0).completeExceptionally(new IllegalStateException("connection refused"));

        assertThat(first).isCompletedExceptionally();
        assertThat(queue.batches).hasSize(2); // the freed slot sent the waiting message
        queue.answer(1);
        assertThat(second).isCompleted().isNotCompletedExceptionally();
    }

    @Test
    void aMessageWhoseCallerGaveUpBeforeItsBatchLeftIsNotSent() {
        ManualQueue queue = new ManualQueue(Set.of());
        MessageBatcher batcher = new MessageBatcher(queue, 10, 1);
        batcher.submit("m0");
        MessageBatcher.Submission abandoned = batcher.submit("gave-up");
        batcher.submit("m2");
        assertThat(abandoned.withdraw()).isTrue(); // its booking was answered 503: surely not sent

        queue.answer(0);
        assertThat(queue.batches.get(1)).extracting(MessageBatcher.Entry::body).containsExactly("m2");
        assertThat(abandoned).isCancelled();
    }

    @Test
    void aMessageWhoseBatchLeftCanNoLongerBeWithdrawn() {
        ManualQueue queue = new ManualQueue(Set.of());
        MessageBatcher batcher = new MessageBatcher(queue, 10, 1);
        MessageBatcher.Submission sent = batcher.submit("m0"); // left at once: the slot was free

        assertThat(sent.withdraw()).isFalse(); // the queue may have it: its caller must treat it as in doubt
        queue.answer(0);
        assertThat(sent).isCompleted();
    }

    @Test
    void neverHasMoreBatchesOnTheWireThanAllowedAndLosesNoMessageUnderConcurrency() throws Exception {
        int inFlightLimit = 3;
        AtomicInteger onTheWire = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ScheduledExecutorService answerer = Executors.newScheduledThreadPool(2);
        MessageBatcher batcher = new MessageBatcher(
                batch -> {
                    most.accumulateAndGet(onTheWire.incrementAndGet(), Math::max);
                    CompletableFuture<MessageBatcher.BatchResult> answer = new CompletableFuture<>();
                    answerer.schedule(
                            () -> {
                                onTheWire.decrementAndGet();
                                answer.complete(new MessageBatcher.BatchResult(
                                        batch.stream()
                                                .map(MessageBatcher.Entry::id)
                                                .collect(Collectors.toSet()),
                                        Map.of()));
                            },
                            1,
                            TimeUnit.MILLISECONDS);
                    return answer;
                },
                10,
                inFlightLimit);
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                String body = "m" + i;
                sent.add(callers.submit(() -> batcher.submit(body).get(10, TimeUnit.SECONDS)));
            }
            for (Future<?> f : sent) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            answerer.shutdownNow();
        }
        assertThat(most.get()).isBetween(1, inFlightLimit);
    }
}
