package dev.ticketingwarrior.botrunner.bot.domain;

/** How one bot's round ended. */
public sealed interface BotOutcome {

    /** A booking was accepted (202). */
    record Booked(String seatId, String bookingId) implements BotOutcome {}

    /** No seat by the close: sold out, closed in the queue, out of retries, or the close cut it off. */
    record Lost(String reason) implements BotOutcome {}

    /** It held a seat and released it again (취소표): the seat went back on sale mid-round. */
    record Cancelled(String seatId) implements BotOutcome {}

    /**
     * Something unexpected: an error answer, a timeout, an unreachable service ({@code call} names the public API call,
     * {@code "bot"} when the failure was not in a call).
     */
    record Failed(String call, Failure failure, String reason) implements BotOutcome {

        public static Failed of(Throwable e) {
            return e instanceof CallFailedException failed
                    ? new Failed(failed.call(), failed.failure(), failed.getMessage())
                    : new Failed("bot", Failure.RUNNER, e.toString());
        }
    }
}
