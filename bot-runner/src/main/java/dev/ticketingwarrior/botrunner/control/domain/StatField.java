package dev.ticketingwarrior.botrunner.control.domain;

/** The per-round counters of the bots, summed over every instance. */
public enum StatField {
    LAUNCHED("launched"),
    ADMITTED("admitted"),
    BOOKED("booked"),
    /** No seat by the close. */
    LOST("lost"),
    CANCELLED("cancelled"),
    ERRORS("errors");

    private final String key;

    StatField(String key) {
        this.key = key;
    }

    /** The stable name used in storage and JSON. */
    public String key() {
        return key;
    }
}
