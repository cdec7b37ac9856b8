package dev.ticketingwarrior.edge.limit;

import java.util.List;

/**
 * The knobs of the limit on failed authentication, as the limits properties of admission and booking name them
 * ({@code failed-authentication}, {@code failed-authentication-paths}, {@code failed-authentication-bot-key-paths}),
 * and the limit they make. A service's properties record implements it with its own components.
 */
public interface FailedAuthenticationSettings {

    /** 401s per client address on the guarded paths before 429. */
    Window failedAuthentication();

    /** The paths checked before the request ({@link FailedAuthentications.Guard#CHECKED}). */
    List<String> failedAuthenticationPaths();

    /** The hot paths where only a wrong bot key is counted ({@link FailedAuthentications.Guard#COUNTED}). */
    List<String> failedAuthenticationBotKeyPaths();

    default FailedAuthentications failedAuthentications() {
        return new FailedAuthentications(
                failedAuthenticationPaths(),
                failedAuthenticationBotKeyPaths(),
                failedAuthentication().budget());
    }
}
