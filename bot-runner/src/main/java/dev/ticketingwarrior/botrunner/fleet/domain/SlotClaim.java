package dev.ticketingwarrior.botrunner.fleet.domain;

/**
 * The answer to a claim of launch slots for a round: {@code granted} slots numbered {@code firstSlot} onwards (slot
 * numbers are unique per round across instances), with {@code launched} of the round's {@code cap} now taken.
 */
public record SlotClaim(int granted, long firstSlot, long launched, int cap) {

    public int remaining() {
        return (int) Math.max(0, cap - launched);
    }
}
