package dev.ticketingwarrior.botrunner.control.domain;

import java.util.List;

/** Settings that break a rule; the message lists every broken rule. */
public final class InvalidSettingsException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
