package dev.ticketingwarrior.admission.queue.web;

import dev.ticketingwarrior.admission.queue.domain.LiveStandings;
import dev.ticketingwarrior.admission.queue.domain.TicketView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.MonoSink;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stream's standings written straight to its connection as server-sent events, on that connection's event loop
 * (the watch's home): one write and flush an event, no queue or task between the tick's pass and the socket. A
 * connection that cannot take more (its reader is behind, Netty's outbound buffer past its high-water mark) skips
 * position events until it drains; the terminal standing is always written, then {@code done} ends the response.
 */
final class ChannelStandings implements LiveStandings.Listener {

    private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "\ndata:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    /** Bytes a frame starts with room for: a position event's fit (about 200), an admitted one's token is added. */
    private static final int FRAME_CAPACITY = 256;

    private final Channel channel;
    private final JsonMapper json;
    private final MonoSink<Void> done;
    private final Consumer<Throwable> failed;
    private final StandingEvents events = new StandingEvents();

    /** {@code failed}: told of a failure of the standings (a log line), before the stream ends after its events. */
    ChannelStandings(Channel channel, JsonMapper json, MonoSink<Void> done, Consumer<Throwable> failed) {
        this.channel = channel;
        this.json = json;
        this.done = done;
        this.failed = failed;
    }

    @Override
    public boolean hear(TicketView view) {
        if (!view.terminal() && !channel.isWritable()) {
            return false;
        }
        channel.writeAndFlush(new DefaultHttpContent(frame(events.apply(view), json, channel.alloc())));
        if (view.terminal()) {
            done.success();
        }
        return true;
    }

    @Override
    public void end() {
        done.success();
    }

    /**
     * The standings failed (their store stopped answering): the stream ends after the events it sent, as the
     * controller's does, and the client reconnects. Not an error of the response: Reactor Netty would log each such
     * stream at ERROR with its stack trace, all of a stall's streams at once.
     */
    @Override
    public void fail(Throwable error) {
        failed.accept(error);
        done.success();
    }

    /**
     * An event as Spring's server-sent-events writer puts it: {@code event:} and {@code data:} lines (every event
     * {@link StandingEvents} makes carries a standing). Written straight into the buffer that goes to the socket, the
     * JSON too: no text of the event is made first.
     */
    static ByteBuf frame(ServerSentEvent<TicketResponse> event, JsonMapper json, ByteBufAllocator alloc) {
        TicketResponse data = event.data();
        ByteBuf frame = alloc.buffer(
                FRAME_CAPACITY + (data.token() == null ? 0 : data.token().length()));
        try {
            frame.writeBytes(EVENT);
            ByteBufUtil.writeUtf8(frame, event.event());
            frame.writeBytes(DATA);
            // as an OutputStream (it is a DataOutput too); closing it leaves the buffer as it is
            json.writeValue((OutputStream) new ByteBufOutputStream(frame), data);
            return frame.writeBytes(END);
        } catch (RuntimeException e) {
            frame.release();
            throw e;
        }
    }
}
