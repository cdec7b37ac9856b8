package dev.ticketingwarrior.edge.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketingwarrior.edge.testing.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Local allowance first, the shared store past it (reactive and blocking); a fixed table of counters per window. */
class LocalFirstBudgetsTests {

    private static final Budget THIRTY = new Budget(30, Duration.ofSeconds(10));

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-03T17:00:00Z"));
    private final Store store = new Store();

    @Test
    void allowsHalfTheBudgetInMemoryAndCountsTheRestInTheStore() {
        LocalFirstBudgets budgets = new LocalFirstBudgets(store, clock, 0.5, 128);

        List<LimitDecision> decisions = spend(budgets, "ticket", 31);

        assertThat(budgets.allowance(THIRTY)).isEqualTo(15);
        assertThat(decisions.subList(0, 30)).containsOnly(LimitDecision.ALLOWED);
        assertThat(decisions.get(30)).isInstanceOf(LimitDecision.Limited.class);
        // the store saw only the requests past the allowance, against the rest of the budget
        assertThat(store.calls)
                .hasSize(16)
                .allSatisfy(call -> assertThat(call.budget().limit()).isEqualTo(15));
    }

    @Test
    void theBlockingBudgetsSpendInMemoryFirstAlike() {
        Budgets shared = new Budgets() {
            @Override
            public LimitDecision spend(String key, Budget budget) {
                return store.spend(key, budget).block();
            }

            @Override
            public LimitDecision look(String key, Budget budget) {
                throw new UnsupportedOperationException();
            }
        };
        Budgets budgets = new BlockingLocalFirstBudgets(shared, new LocalAllowances(clock, 0.5, 128));

        List<LimitDecision> decisions = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            decisions.add(budgets.spend("ticket", THIRTY));
        }

        assertThat(decisions.subList(0, 30)).containsOnly(LimitDecision.ALLOWED);
        assertThat(decisions.get(30)).isInstanceOf(LimitDecision.Limited.class);
        assertThat(store.calls)
                .hasSize(16)
                .allSatisfy(call -> assertThat(call.budget().limit()).isEqualTo(15));
    }

    @Test
    void twoInstancesAllowTheirAllowancesAndShareTheRest() {
        LocalFirstBudgets a = new LocalFirstBudgets(store, clock, 0.5, 128);
        LocalFirstBudgets b = new LocalFirstBudgets(store, clock, 0.5, 128);

        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            LocalFirstBudgets instance = i % 2 == 0 ? a : b;
            if (instance.spend("ticket", THIRTY).block() == LimitDecision.ALLOWED) {
                allowed++;
            }
        }

        assertThat(allowed).isEqualTo(15 + 15 + 15);
    }

    @Test
    void aNewWindowStartsInMemoryAgain() {
        LocalFirstBudgets budgets = new LocalFirstBudgets(store, clock, 0.5, 128);
        spend(budgets, "ticket", 15);
        clock.advance(Duration.ofSeconds(10));

        spend(budgets, "ticket", 15);

        assertThat(store.calls).isEmpty();
    }

    @Test
    void keysThatShareACounterReachTheStoreSoonerButAreNeverRefusedByIt() {
        LocalFirstBudgets budgets = new LocalFirstBudgets(store, clock, 0.5, 1);

        // one counter for every key: together they spend the allowance, then each is counted in the store
        List<LimitDecision> decisions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            decisions.add(budgets.spend("player-" + i, THIRTY).block());
        }

        assertThat(decisions).containsOnly(LimitDecision.ALLOWED);
        assertThat(store.calls).extracting(Call::key).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void manyKeysInALargeTableNeverReachTheStore() {
        LocalFirstBudgets budgets = new LocalFirstBudgets(store, clock, 0.5, 1 << 16);

        for (int i = 0; i < 10_000; i++) {
            budgets.spend("limits:ticket-polls:{20261203T170000Z-" + i + "-0123456789abcdef01234567}", THIRTY)
                    .block();
        }

        assertThat(store.calls).isEmpty();
    }

    @Test
    void noShareSpendsEverythingInTheStoreAndAllOfItKeepsOneForTheStore() {
        assertThat(new LocalFirstBudgets(store, clock, 0, 16).allowance(THIRTY)).isZero();
        assertThat(new LocalFirstBudgets(store, clock, 1, 16).allowance(THIRTY)).isEqualTo(29);
        spend(new LocalFirstBudgets(store, clock, 0, 16), "ticket", 3);
        assertThat(store.calls)
                .hasSize(3)
                .allSatisfy(call -> assertThat(call.budget()).isEqualTo(THIRTY));
        assertThatThrownBy(() -> new LocalFirstBudgets(store, clock, 1.5, 16))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<LimitDecision> spend(LocalFirstBudgets budgets, String key, int times) {
        List<LimitDecision> decisions = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            decisions.add(budgets.spend(key, THIRTY).block());
        }
        return decisions;
    }

    private record Call(String key, Budget budget) {}

    /** A fixed-window store in memory (the store is not what these tests are about: RedisBudgets has its own). */
    private static final class Store implements ReactiveBudgets {

        final List<Call> calls = new ArrayList<>();
        private final Map<String, Integer> counts = new HashMap<>();

        @Override
        public Mono<LimitDecision> spend(String key, Budget budget) {
            calls.add(new Call(key, budget));
            int count = counts.merge(key, 1, Integer::sum);
            return Mono.just(LimitDecision.of(count, 1_000, budget));
        }

        @Override
        public Mono<LimitDecision> look(String key, Budget budget) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Boolean> takeSlot(String key, int slots, Duration ttl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> releaseSlot(String key) {
            throw new UnsupportedOperationException();
        }
    }
}
