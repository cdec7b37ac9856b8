package dev.ticketingwarrior.admission.throttle.domain;

/**
 * How fast the serving counter advances: {@code ratePerSecond} from the round's open plus {@code openBatch} at once,
 * never more than {@code maxActive} admitted-but-unfinished players when {@code maxActive > 0}, not at all while
 * {@code paused} (SPEC §4).
 */
public record AdmissionSettings(double ratePerSecond, int openBatch, int maxActive, boolean paused) {

    public static final double MAX_RATE = 100_000;
    public static final int MAX_COUNT = 1_000_000;

    public AdmissionSettings {
        if (!(ratePerSecond >= 0 && ratePerSecond <= MAX_RATE)) {
            throw new IllegalArgumentException("ratePerSecond must be within 0.." + MAX_RATE);
        }
        if (openBatch < 0 || openBatch > MAX_COUNT || maxActive < 0 || maxActive > MAX_COUNT) {
            throw new IllegalArgumentException("openBatch and maxActive must be within 0.." + MAX_COUNT);
        }
    }
}
