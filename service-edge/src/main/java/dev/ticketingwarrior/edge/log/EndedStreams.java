package dev.ticketingwarrior.edge.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event streams a failure ended after their events had begun (their store stopped answering): their status and
 * headers are sent, so they end after the events they sent and the client reconnects. A store that stops answering
 * ends every open stream at once, wherever the service serves them (admission's own route and the controller's
 * advice): one line every 10 s for the whole service, with how many it stands for.
 */
public final class EndedStreams {

    private static final Logger log = LoggerFactory.getLogger(EndedStreams.class);
    private static final RepeatedWarnings ended = new RepeatedWarnings(log);

    private EndedStreams() {}

    /** The stream answering {@code path} was ended by {@code cause}. */
    public static void ended(String path, Throwable cause) {
        ended.warn(
                "event stream ended",
                "{}: ended after its events had begun: {}",
                LoggedPaths.lazily(path),
                cause.getMessage());
    }
}
