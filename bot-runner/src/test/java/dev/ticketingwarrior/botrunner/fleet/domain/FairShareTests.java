package dev.ticketingwarrior.botrunner.fleet.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FairShareTests {

    @ParameterizedTest
    @CsvSource({"150,1", "150,2", "150,4", "100,3", "7,3", "2,5", "0,3", "100000,7"})
    void sharesOfInstancesThatAgreeAddUpToExactlyTheTotal(int total, int instances) {
        List<String> members =
                IntStream.range(0, instances).mapToObj(i -> "i-" + i).toList();

        int sum = members.stream()
                .mapToInt(self -> FairShare.share(total, members, self))
                .sum();

        assertThat(sum).isEqualTo(total);
    }

    @Test
    void sharesDifferByAtMostOneAndTheRemainderGoesToTheFirstIds() {
        List<String> members = List.of("c", "a", "b");

        assertThat(FairShare.share(100, members, "a")).isEqualTo(34);
        assertThat(FairShare.share(100, members, "b")).isEqualTo(33);
        assertThat(FairShare.share(100, members, "c")).isEqualTo(33);
    }

    @Test
    void countsItselfInWhenItsOwnHeartbeatIsMissing() {
        assertThat(FairShare.share(100, List.of("a"), "b")).isEqualTo(50);
        assertThat(FairShare.share(100, List.of(), "solo")).isEqualTo(100);
    }

    @Test
    void sweepersTakeTheRemainderRoundedUpSoNothingIsLeftBehind() {
        assertThat(FairShare.ofRemaining(10, 3)).isEqualTo(4);
        assertThat(FairShare.ofRemaining(1, 4)).isEqualTo(1);
        assertThat(FairShare.ofRemaining(0, 4)).isZero();
        assertThat(FairShare.ofRemaining(5, 0)).isEqualTo(5);
    }

    @Test
    void aSlotCounterSharedLikeRedisGivesExactlyTheTotalWhateverTheOrder() {
        // three instances agree on the membership; one of them dies before the open; the sweep picks up the rest
        List<String> members = List.of("a", "b", "c");
        int total = 100;
        int launched = 0;
        for (String alive : List.of("a", "b")) {
            int wanted = FairShare.share(total, members, alive);
            launched += Math.min(wanted, total - launched);
        }
        while (launched < total) {
            launched += Math.min(FairShare.ofRemaining(total - launched, members.size()), total - launched);
        }

        assertThat(launched).isEqualTo(total);
    }
}
