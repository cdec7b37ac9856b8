package dev.ticketingwarrior.botrunner.bot.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A log-normal duration: {@code median · e^(sigma · z)} with {@code z} standard normal. Human reaction and decision
 * times are right-skewed like this: most are close to the median, a few are much slower, none is negative. {@code z}
 * is clipped to ±3 so one unlucky draw cannot park a bot for the whole round; the clip is symmetric, so the median
 * is unchanged.
 */
public record LogNormal(Duration median, double sigma) {

    static final double CLIP = 3.0;

    public LogNormal {
        Objects.requireNonNull(median, "median");
        if (median.isNegative() || median.isZero()) {
            throw new IllegalArgumentException("median must be positive: " + median);
        }
        if (!(sigma >= 0 && sigma <= 2)) {
            throw new IllegalArgumentException("sigma must be within [0, 2]: " + sigma);
        }
    }

    public Duration sample(RandomGenerator random) {
        double z = Math.max(-CLIP, Math.min(CLIP, random.nextGaussian()));
        long nanos = Math.round(median.toNanos() * Math.exp(sigma * z));
        return Duration.ofNanos(Math.max(1, nanos));
    }
}
