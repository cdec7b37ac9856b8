package dev.ticketingwarrior.edge.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RequestHeadDeadline} around Netty's HTTP codec on an embedded channel, its clock stepped by hand: the cases a
 * socket test cannot time reliably.
 */
class RequestHeadDeadlineTests {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private EmbeddedChannel channel;

    @BeforeEach
    void open() {
        RequestHeadDeadline deadline = new RequestHeadDeadline(DEADLINE);
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(deadline.bytes(), new HttpServerCodec(), deadline.heads());
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void aHeadNotCompleteByTheDeadlineIsAnswered408AndTheConnectionClosed() {
        receive("GET /a HTTP/1.1\r\nHost: e");
        pass(DEADLINE.minusMillis(1));
        assertThat(sent()).isEmpty();

        pass(Duration.ofMillis(1));

        assertThat(sent()).startsWith("HTTP/1.1 408");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aHeadCompleteInTimeStopsTheDeadline() {
        receive("GET /a HTTP/1.1\r\nHo");
        pass(DEADLINE.dividedBy(2));
        receive("st: e\r\n\r\n");

        pass(DEADLINE.multipliedBy(3));

        assertNothingSentAndOpen();
    }

    @Test
    void aBodyArrivingSlowlyIsNotAHead() {
        receive("POST /a HTTP/1.1\r\nHost: e\r\nContent-Length: 4\r\n\r\nab");
        pass(DEADLINE.multipliedBy(2));
        receive("cd");

        assertNothingSentAndOpen();
    }

    @Test
    void aStrayLineBreakBetweenRequestsStartsNoDeadline() {
        receive("GET /a HTTP/1.1\r\nHost: e\r\n\r\n");
        answer(HttpResponseStatus.OK);
        sent();
        receive("\r\n");

        pass(DEADLINE.multipliedBy(3));

        assertNothingSentAndOpen();
    }

    @Test
    void aPipelinedHeadBehindA100ContinueWaitsForTheRequestsAnswer() {
        receive("POST /a HTTP/1.1\r\nHost: e\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        answer(HttpResponseStatus.CONTINUE);
        receive("ab");
        receive("GET /b HTTP/1.1\r\nHo");
        assertThat(sent()).startsWith("HTTP/1.1 100");

        pass(DEADLINE.multipliedBy(2));
        assertThat(sent()).as("no 408 before /a is answered").isEmpty();

        answer(HttpResponseStatus.OK);
        assertThat(sent()).startsWith("HTTP/1.1 200");
        pass(DEADLINE);
        assertThat(sent()).startsWith("HTTP/1.1 408");
    }

    private void assertNothingSentAndOpen() {
        assertThat(sent()).isEmpty();
        assertThat(channel.isOpen()).isTrue();
    }

    private void receive(String bytes) {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.US_ASCII));
        Object message;
        while ((message = channel.readInbound()) != null) {
            ReferenceCountUtil.release(message);
        }
    }

    private void answer(HttpResponseStatus status) {
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        channel.writeOutbound(response);
    }

    private void pass(Duration time) {
        channel.advanceTimeBy(time.toMillis(), TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    /** What went out since the last call, as text. */
    private String sent() {
        StringBuilder text = new StringBuilder();
        Object message;
        while ((message = channel.readOutbound()) != null) {
            if (message instanceof ByteBuf bytes) {
                text.append(bytes.toString(StandardCharsets.US_ASCII));
            }
            ReferenceCountUtil.release(message);
        }
        return text.toString();
    }
}
