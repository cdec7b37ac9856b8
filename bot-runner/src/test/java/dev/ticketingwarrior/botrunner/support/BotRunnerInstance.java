package dev.ticketingwarrior.botrunner.support;

import dev.ticketingwarrior.botrunner.BotRunnerApplication;
import dev.ticketingwarrior.localstack.Component;
import dev.ticketingwarrior.localstack.LocalStack;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One real bot-runner application on a random port against the local stack's Redis. Tests start several of them to
 * play several instances of the fleet; each test class uses a Redis namespace of its own.
 */
public final class BotRunnerInstance implements AutoCloseable {

    public static final String OPS_TOKEN = "it-ops-token";
    public static final String BOT_KEY = "it-bot-key";

    private final ConfigurableApplicationContext context;
    private final int port;

    private BotRunnerInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** Starts an instance; {@code overrides} win over the test defaults (bots disabled, nothing reachable). */
    public static BotRunnerInstance start(String namespace, Map<String, Object> overrides) {
        LocalStack stack = LocalStack.shared(Component.REDIS);
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.data.redis.url", stack.redisUrl());
        properties.put("ticketing.bots.namespace", namespace);
        properties.put("ticketing.ops-token", OPS_TOKEN);
        properties.put("ticketing.bot-key", BOT_KEY);
        properties.put("ticketing.bots.enabled", "false");
        properties.put("ticketing.http.admission-url", "http://127.0.0.1:9");
        properties.put("ticketing.http.booking-url", "http://127.0.0.1:9");
        // plain console logs in tests: easier to read in the Failsafe reports
        properties.put("logging.structured.format.console", "");
        properties.putAll(overrides);
        // as command-line arguments: they win over application.yml (builder properties would not)
        String[] args = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BotRunnerApplication.class).run(args);
        return new BotRunnerInstance(context);
    }

    public int port() {
        return port;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public WebTestClient web() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    @Override
    public void close() {
        context.close();
    }
}
