package dev.ticketingwarrior.botrunner.bot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.ticketingwarrior.botrunner.bot.domain.PlayerApi.HoldResult;
import dev.ticketingwarrior.botrunner.bot.domain.RoundOverException;
import dev.ticketingwarrior.botrunner.config.BotRunnerProperties;
import dev.ticketingwarrior.edge.secret.Credentials;
import dev.ticketingwarrior.shared.round.RoundId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.HttpClient;

/**
 * What a bot makes of booking's answer to a hold, over real HTTP on loopback: a problem that ends its round (the round
 * closed, or its place went to the next player while the round was full) stops the bot as the round's end does, not
 * as an error; a seat someone else has is only taken.
 */
class HoldAnswerTests {

    private static final RoundId ROUND = RoundId.parse("20261124T101500Z").orElseThrow();

    private final AtomicReference<String> answer = new AtomicReference<>();
    private HttpServer booking;

    @BeforeEach
    void startBooking() throws IOException {
        booking = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        booking.createContext("/api/v1/rounds/", exchange -> {
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(slugStatus(answer.get()), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        booking.start();
    }

    @AfterEach
    void stopBooking() {
        booking.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"round-closed", "wrong-round", "place-released"})
    void aProblemThatEndsTheRoundStopsTheBotAsTheRoundsEnd(String slug) {
        answer.set(problem(slug, 403));

        withApi(api -> assertThatThrownBy(() -> api.hold(ROUND, "token", "A-1").block(Duration.ofSeconds(10)))
                .isInstanceOf(RoundOverException.class)
                .hasMessageContaining(slug));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seat-taken", "unknown-seat"})
    void aSeatSomeoneElseHasIsOnlyTaken(String slug) {
        answer.set(problem(slug, slug.equals("seat-taken") ? 409 : 404));

        withApi(api -> assertThat(api.hold(ROUND, "token", "A-1").block(Duration.ofSeconds(10)))
                .isEqualTo(new HoldResult.Taken("A-1")));
    }

    private void withApi(Consumer<WebClientPlayerApi> calls) {
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(Bound.class)
                .withPropertyValues("ticketing.http.booking-url=http://127.0.0.1:"
                        + booking.getAddress().getPort())
                .run(context -> calls.accept(new WebClientPlayerApi(
                        HttpClient.create(),
                        new Credentials(null, null, true),
                        context.getBean(BotRunnerProperties.class),
                        Clock.systemUTC())));
    }

    private static String problem(String slug, int status) {
        return "{\"type\":\"https://ticketing-warrior.dev/problems/%s\",\"status\":%d,\"detail\":\"x\"}"
                .formatted(slug, status);
    }

    private static int slugStatus(String problem) {
        return Integer.parseInt(problem.replaceAll(".*\"status\":(\\d+).*", "$1"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BotRunnerProperties.class)
    static class Bound {}
}
