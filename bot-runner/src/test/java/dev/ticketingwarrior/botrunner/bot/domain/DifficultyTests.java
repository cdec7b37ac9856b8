package dev.ticketingwarrior.botrunner.bot.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DifficultyTests {

    private static final int SAMPLES = 20_001;

    @ParameterizedTest
    @EnumSource(Difficulty.class)
    void samplesCentreOnTheProfileMedians(Difficulty difficulty) {
        TimingProfile profile = difficulty.profile();
        for (Function<TimingProfile, LogNormal> pick : java.util.List.<Function<TimingProfile, LogNormal>>of(
                TimingProfile::reaction, TimingProfile::think, TimingProfile::solve)) {
            LogNormal distribution = pick.apply(profile);
            double median = medianMillis(distribution, new SplittableRandom(20261124L));
            double expected = distribution.median().toNanos() / 1e6;
            assertThat(median).isCloseTo(expected, within(expected * 0.03));
        }
    }

    @ParameterizedTest
    @EnumSource(Difficulty.class)
    void spreadsLikeALogNormalWithTheDocumentedSigma(Difficulty difficulty) {
        LogNormal reaction = difficulty.profile().reaction();
        SplittableRandom random = new SplittableRandom(7);
        double[] logs = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            logs[i] = Math.log(reaction.sample(random).toNanos());
        }
        double mean = Arrays.stream(logs).average().orElseThrow();
        double sd =
                Math.sqrt(Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / (SAMPLES - 1));
        // clipping at ±3σ trims only 0.27 % of draws, so the spread stays within a few percent of sigma
        assertThat(sd).isCloseTo(Difficulty.REACTION_SIGMA, within(Difficulty.REACTION_SIGMA * 0.05));
    }

    @ParameterizedTest
    @EnumSource(Difficulty.class)
    void neverDrawsBeyondThreeSigmas(Difficulty difficulty) {
        LogNormal solve = difficulty.profile().solve();
        double ceiling = solve.median().toNanos() * Math.exp(3 * solve.sigma()) + 1;
        double floor = solve.median().toNanos() * Math.exp(-3 * solve.sigma()) - 1;
        SplittableRandom random = new SplittableRandom(99);
        for (int i = 0; i < SAMPLES; i++) {
            long nanos = solve.sample(random).toNanos();
            assertThat((double) nanos).isBetween(floor, ceiling);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Difficulty.class,
            names = {"NORMAL", "HARD", "INSANE"})
    void aHarderBotIsFasterAtEveryStep(Difficulty difficulty) {
        Difficulty easier = Difficulty.values()[difficulty.ordinal() - 1];
        assertThat(difficulty.profile().reaction().median())
                .isLessThan(easier.profile().reaction().median());
        assertThat(difficulty.profile().think().median())
                .isLessThan(easier.profile().think().median());
        assertThat(difficulty.profile().solve().median())
                .isLessThan(easier.profile().solve().median());
    }

    @ParameterizedTest
    @EnumSource(Difficulty.class)
    void theSameSeedDrawsTheSameTimes(Difficulty difficulty) {
        LogNormal think = difficulty.profile().think();
        SplittableRandom first = new SplittableRandom(3);
        SplittableRandom second = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            assertThat(think.sample(first)).isEqualTo(think.sample(second));
        }
    }

    private static double medianMillis(LogNormal distribution, SplittableRandom random) {
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            Duration sample = distribution.sample(random);
            nanos[i] = sample.toNanos();
        }
        Arrays.sort(nanos);
        return nanos[SAMPLES / 2] / 1e6;
    }
}
