package dev.ticketingwarrior.edge.secret;

import java.util.function.Supplier;

/**
 * The two shared secrets of the services: the ops bearer token ({@code TICKETING_OPS_TOKEN}, admin and control APIs)
 * and the bots' {@code X-Bot-Key} ({@code TICKETING_BOT_KEY}). Each is resolved the first time a service asks for
 * it, so a service that never checks the ops token does not need one; the services ask while they start.
 */
public final class Credentials {

    static final String DEV_OPS_TOKEN = "dev-ops-token";
    static final String DEV_BOT_KEY = "dev-bot-key";

    private final Supplier<SharedSecret> opsToken;
    private final Supplier<SharedSecret> botKey;

    /** {@code devDefaultsAllowed}: an unset secret is the documented dev value (a laptop), else start-up stops. */
    public Credentials(String opsToken, String botKey, boolean devDefaultsAllowed) {
        this.opsToken =
                once(() -> SharedSecret.configured(opsToken, "TICKETING_OPS_TOKEN", DEV_OPS_TOKEN, devDefaultsAllowed));
        this.botKey = once(() -> SharedSecret.configured(botKey, "TICKETING_BOT_KEY", DEV_BOT_KEY, devDefaultsAllowed));
    }

    public SharedSecret opsToken() {
        return opsToken.get();
    }

    public SharedSecret botKey() {
        return botKey.get();
    }

    private static Supplier<SharedSecret> once(Supplier<SharedSecret> resolve) {
        return new Supplier<>() {
            private SharedSecret value;

            @Override
            public synchronized SharedSecret get() {
                if (value == null) {
                    value = resolve.get();
                }
                return value;
            }
        };
    }
}
