package dev.ticketingwarrior.botrunner.bot.http;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a {@code text/event-stream} as it arrives and hands on only the events it was asked for, with their data. A
 * waiting bot's stream is mostly {@code position} events (up to 4/s); they are skipped byte by byte, without a
 * string, a list or an event object per line or per event, so thousands of streams cost the runner little CPU and
 * little garbage. Lines end with LF, CRLF or CR (the SSE format); comments and other fields are ignored; several
 * {@code data} lines of one event are joined with LF.
 */
final class EventStream {

    /** An event it was asked for. */
    record Event(String name, String data) {}

    private static final byte[] EVENT = "event".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data".getBytes(StandardCharsets.US_ASCII);

    private final List<String> names;
    private final byte[][] wanted;

    private byte[] line = new byte[256];
    private int lineLength;
    private boolean afterCr;
    private byte[] data = new byte[256];
    private int dataLength;
    private boolean hasData;
    /** Index in {@code names} of the current event's name, -1 for another name or none yet. */
    private int current = -1;

    EventStream(List<String> names) {
        this.names = List.copyOf(names);
        this.wanted = this.names.stream()
                .map(name -> name.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
    }

    /** Reads the bytes of {@code chunk} (without consuming them) and passes each complete wanted event on. */
    void feed(ByteBuf chunk, Consumer<Event> events) {
        int end = chunk.writerIndex();
        for (int i = chunk.readerIndex(); i < end; i++) {
            byte b = chunk.getByte(i);
            if (b == '\n') {
                if (afterCr) {
                    afterCr = false; // the LF of a CRLF: the line already ended at the CR
                } else {
                    endOfLine(events);
                }
            } else if (b == '\r') {
                afterCr = true;
                endOfLine(events);
            } else {
                afterCr = false;
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
            }
        }
    }

    private void endOfLine(Consumer<Event> events) {
        int length = lineLength;
        lineLength = 0;
        if (length == 0) {
            dispatch(events);
            return;
        }
        if (line[0] == ':') {
            return; // a comment (keep-alive)
        }
        int colon = indexOf(line, length, (byte) ':');
        int nameEnd = colon < 0 ? length : colon;
        int valueStart = colon < 0 ? length : colon + 1;
        if (valueStart < length && line[valueStart] == ' ') {
            valueStart++;
        }
        if (equals(line, 0, nameEnd, EVENT)) {
            current = -1;
            for (int w = 0; w < wanted.length; w++) {
                if (equals(line, valueStart, length, wanted[w])) {
                    current = w;
                }
            }
        } else if (equals(line, 0, nameEnd, DATA)) {
            appendData(valueStart, length);
        }
    }

    private void appendData(int from, int to) {
        int needed = dataLength + (hasData ? 1 : 0) + (to - from);
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(needed, data.length * 2));
        }
        if (hasData) {
            data[dataLength++] = '\n';
        }
        System.arraycopy(line, from, data, dataLength, to - from);
        dataLength += to - from;
        hasData = true;
    }

    private void dispatch(Consumer<Event> events) {
        int event = current;
        boolean any = hasData;
        int length = dataLength;
        current = -1;
        hasData = false;
        dataLength = 0;
        if (event >= 0 && any) {
            events.accept(new Event(names.get(event), new String(data, 0, length, StandardCharsets.UTF_8)));
        }
    }

    private static int indexOf(byte[] bytes, int length, byte b) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean equals(byte[] bytes, int from, int to, byte[] expected) {
        return Arrays.equals(bytes, from, to, expected, 0, expected.length);
    }
}
