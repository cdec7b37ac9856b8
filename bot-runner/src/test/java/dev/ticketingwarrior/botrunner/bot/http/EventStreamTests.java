package dev.ticketingwarrior.botrunner.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamTests {

    private final EventStream stream = new EventStream(List.of("admitted", "closed"));
    private final List<EventStream.Event> events = new ArrayList<>();

    @Test
    void passesOnOnlyTheWantedEventsWithTheirData() {
        feed("event:position\ndata:{\"position\":3}\n\n:keep-alive\n\nevent:heartbeat\ndata:{\"position\":3}\n\n"
                + "event:position\ndata:{\"position\":2}\n\n"
                + "event:admitted\ndata:{\"status\":\"ADMITTED\",\"token\":\"t\"}\n\n");

        assertThat(events)
                .containsExactly(new EventStream.Event("admitted", "{\"status\":\"ADMITTED\",\"token\":\"t\"}"));
    }

    @Test
    void readsEventsSplitAcrossChunksAtAnyByte() {
        String text = "id:1\nevent:position\ndata:{}\n\nevent: closed\r\ndata: {\"status\":\"CLOSED\"}\r\n\r\n";
        for (int cut = 0; cut <= text.length(); cut++) {
            events.clear();
            EventStream fresh = new EventStream(List.of("admitted", "closed"));
            fresh.feed(Unpooled.copiedBuffer(text.substring(0, cut), StandardCharsets.UTF_8), events::add);
            fresh.feed(Unpooled.copiedBuffer(text.substring(cut), StandardCharsets.UTF_8), events::add);

            assertThat(events)
                    .as("cut at %d", cut)
                    .containsExactly(new EventStream.Event("closed", "{\"status\":\"CLOSED\"}"));
        }
    }

    @Test
    void joinsDataLinesAndSkipsEventsWithoutDataOrWithAnotherName() {
        feed("event:admitted\n\nevent:admittedx\ndata:x\n\nevent:closed\ndata:a\ndata:b\n\n");

        assertThat(events).containsExactly(new EventStream.Event("closed", "a\nb"));
    }

    @Test
    void readsLongLines() {
        String token = "x".repeat(5000);
        feed("event:admitted\ndata:" + token + "\n\n");

        assertThat(events).containsExactly(new EventStream.Event("admitted", token));
    }

    private void feed(String text) {
        stream.feed(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8), events::add);
    }
}
