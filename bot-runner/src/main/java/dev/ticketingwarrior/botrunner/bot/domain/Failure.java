package dev.ticketingwarrior.botrunner.bot.domain;

/**
 * Why a bot call failed, coarse enough to count: whether the service under test failed the bot (it was slow, refused,
 * or answered an error) or the runner failed it itself (no free connection in its own pool, or a bug).
 */
public enum Failure {
    /** The service did not accept the connection in time (its accept queue is full or it is starved of CPU). */
    CONNECT_TIMEOUT("connect-timeout", false),
    CONNECT_REFUSED("connect-refused", false),
    /** Connected, but the answer did not come within the response timeout. */
    RESPONSE_TIMEOUT("response-timeout", false),
    /** The service closed or reset the connection before it answered (it was killed or restarted, say). */
    CONNECTION_CLOSED("connection-closed", false),
    /** 503 (after the retries of a call that is safe to repeat). */
    UNAVAILABLE("unavailable", false),
    /** Another answer a bot has no plan for (5xx, 401, an unknown problem type, a malformed body). */
    ERROR_ANSWER("error-answer", false),
    /** The runner's own pool had no connection to give within its wait (pool too small for the bots it runs). */
    NO_FREE_CONNECTION("no-free-connection", true),
    /** Anything else: a failure inside the runner. */
    RUNNER("runner", true);

    private final String key;
    private final boolean runnersOwn;

    Failure(String key, boolean runnersOwn) {
        this.key = key;
        this.runnersOwn = runnersOwn;
    }

    public String key() {
        return key;
    }

    /** The runner caused it, not the service under test. */
    public boolean runnersOwn() {
        return runnersOwn;
    }
}
