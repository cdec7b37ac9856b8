package dev.ticketingwarrior.admission.queue.web;

import dev.ticketingwarrior.admission.queue.domain.LiveStandings;
import dev.ticketingwarrior.admission.queue.domain.TicketView;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
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

    private final Channel channel;
    private final JsonMapper json;
    private final MonoSink<Void> done;
    private final StandingEvents events = new StandingEvents();

    ChannelStandings(Channel channel, JsonMapper json, MonoSink<Void> done) {
        this.channel = channel;
        this.json = json;
        this.done = done;
    }

    @Override
    public boolean hear(TicketView view) {
        if (!view.terminal() && !channel.isWritable()) {
            return false;
        }
        String text = text(events.apply(view), json);
        channel.writeAndFlush(new DefaultHttpContent(ByteBufUtil.writeUtf8(channel.alloc(), text)));
        if (view.terminal()) {
            done.success();
        }
        return true;
    }

    @Override
    public void end() {
        done.success();
    }

    @Override
    public void fail(Throwable error) {
        done.error(error);
    }

    /** An event as Spring's server-sent-events writer puts it: {@code event:} and {@code data:} lines, or a comment. */
    static String text(ServerSentEvent<TicketResponse> event, JsonMapper json) {
        if (event.data() == null) {
            return ":" + event.comment() + "\n\n";
        }
        return "event:" + event.event() + "\ndata:" + json.writeValueAsString(event.data()) + "\n\n";
    }
}
