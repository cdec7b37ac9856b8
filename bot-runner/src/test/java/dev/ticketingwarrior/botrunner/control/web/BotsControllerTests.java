package dev.ticketingwarrior.botrunner.control.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketingwarrior.botrunner.bot.domain.Difficulty;
import dev.ticketingwarrior.botrunner.config.BotRunnerProperties;
import dev.ticketingwarrior.botrunner.control.domain.BotControl;
import dev.ticketingwarrior.botrunner.control.domain.BotSettings;
import dev.ticketingwarrior.botrunner.control.domain.BotStatsStore;
import dev.ticketingwarrior.botrunner.control.domain.RoundBotStats;
import dev.ticketingwarrior.botrunner.control.domain.StatField;
import dev.ticketingwarrior.botrunner.support.OvertakingStore;
import dev.ticketingwarrior.edge.EdgeAutoConfiguration;
import dev.ticketingwarrior.edge.client.ClientAddressResolver;
import dev.ticketingwarrior.edge.reactive.ReactiveEdgeAutoConfiguration;
import dev.ticketingwarrior.edge.settings.LiveSettings;
import dev.ticketingwarrior.edge.settings.SettingsStore;
import dev.ticketingwarrior.edge.testing.InMemorySettingsStore;
import dev.ticketingwarrior.shared.round.RoundId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The settings controller on WebFlux with the service edge, as the service wires it: what each outcome of a change
 * becomes on the wire. {@code ControlApiIT} checks the same calls on running instances with Redis; here a store that
 * loses every race reaches the busy answer, which two real instances produce only by chance.
 */
class BotsControllerTests {

    private static final String OPS = "Bearer dev-ops-token";
    private static final BotSettings BEFORE = new BotSettings(true, 150, Difficulty.NORMAL, 0.05);

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withConfiguration(AutoConfigurations.of(
                    EdgeAutoConfiguration.class,
                    ReactiveEdgeAutoConfiguration.class,
                    JacksonAutoConfiguration.class,
                    CodecsAutoConfiguration.class,
                    ValidationAutoConfiguration.class,
                    HttpHandlerAutoConfiguration.class,
                    WebFluxAutoConfiguration.class))
            .withUserConfiguration(Controller.class);

    @Test
    void aChangeMadeAnswersTheSettingsNowInForce() {
        InMemorySettingsStore<BotSettings> held = new InMemorySettingsStore<>(BEFORE);

        withStore(
                held,
                web -> change(web, "{\"difficulty\":\"HARD\"}")
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .json("{\"enabled\":true,\"perRound\":150,\"difficulty\":\"HARD\","
                                + "\"cancelProbability\":0.05}"));

        assertThat(held.held()).contains(new BotSettings(true, 150, Difficulty.HARD, 0.05));
    }

    @Test
    void aChangeThatKeepsLosingToOthersIs503WithRetryAfterAndStoresNothing() {
        InMemorySettingsStore<BotSettings> held = new InMemorySettingsStore<>(BEFORE);

        withStore(
                new OvertakingStore(held, BEFORE, Integer.MAX_VALUE),
                web -> change(web, "{\"difficulty\":\"HARD\"}")
                        .expectStatus()
                        .isEqualTo(503)
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectHeader()
                        .valueEquals(HttpHeaders.RETRY_AFTER, "1")
                        .expectBody()
                        .jsonPath("$.type")
                        .isEqualTo("https://ticketing-warrior.dev/problems/service-unavailable")
                        .jsonPath("$.status")
                        .isEqualTo(503)
                        .jsonPath("$.detail")
                        .value(detail -> assertThat((String) detail)
                                .contains("changed 10 times")
                                .contains("nothing of it was stored")));

        assertThat(held.held().orElseThrow().difficulty())
                .as("only the others' changes stored")
                .isEqualTo(Difficulty.NORMAL);
    }

    private void withStore(SettingsStore<BotSettings> store, Consumer<WebTestClient> calls) {
        BotControl control = new BotControl(new LiveSettings<>("bot settings", store, BEFORE));
        runner.withBean(BotControl.class, () -> control).run(context -> {
            assertThat(context).hasNotFailed();
            calls.accept(WebTestClient.bindToApplicationContext(context).build());
        });
    }

    private static WebTestClient.ResponseSpec change(WebTestClient web, String json) {
        return web.put()
                .uri("/api/v1/bots")
                .header(HttpHeaders.AUTHORIZATION, OPS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    /** The controller and what it needs but its {@link BotControl}, which each test gives over its own store. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BotRunnerProperties.class)
    @Import(BotsController.class)
    static class Controller {

        @Bean
        BotStatsStore botStatsStore() {
            return new BotStatsStore() {
                @Override
                public Mono<Void> add(RoundId round, Map<StatField, Long> increments) {
                    return Mono.empty();
                }

                @Override
                public Mono<RoundBotStats> read(RoundId round) {
                    return Mono.empty();
                }
            };
        }

        @Bean
        ClientAddressResolver clientAddressResolver() {
            return new ClientAddressResolver(List.of("127.0.0.0/8"), "", 64);
        }
    }
}
