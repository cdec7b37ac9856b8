package dev.ticketingwarrior.botrunner.control.domain;

/**
 * A change kept losing to others' made at the same moment and gave up: nothing of it was stored, and the caller should
 * retry shortly (503), not read it as a fault of the service (500).
 */
public final class SettingsBusyException extends RuntimeException {

    SettingsBusyException(int tries) {
        super(
                "the bot settings changed " + tries
                        + " times while this change was being made; nothing of it was stored," + " please retry",
                null,
                false,
                false);
    }
}
