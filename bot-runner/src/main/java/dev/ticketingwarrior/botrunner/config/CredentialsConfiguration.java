package dev.ticketingwarrior.botrunner.config;

import dev.ticketingwarrior.botrunner.web.Credentials;
import dev.ticketingwarrior.botrunner.web.SharedSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ops token and bot key. Unset locally, they fall back to the documented dev values ({@code dev-ops-token},
 * {@code dev-bot-key}, the same as admission's and booking's) with a warning; scripts/run and AWS set real ones.
 */
@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

    static final String DEV_OPS_TOKEN = "dev-ops-token";
    static final String DEV_BOT_KEY = "dev-bot-key";

    private static final Logger log = LoggerFactory.getLogger(CredentialsConfiguration.class);

    @Bean
    Credentials credentials(BotRunnerProperties properties) {
        return new Credentials(
                new SharedSecret(orDev(properties.bots().opsToken(), DEV_OPS_TOKEN, "TICKETING_OPS_TOKEN")),
                new SharedSecret(orDev(properties.bots().botKey(), DEV_BOT_KEY, "TICKETING_BOT_KEY")));
    }

    private static String orDev(String configured, String devDefault, String variable) {
        if (configured == null || configured.isBlank()) {
            log.warn(
                    "{} is not set: using the development default '{}'. Never run like this outside a laptop.",
                    variable,
                    devDefault);
            return devDefault;
        }
        return configured.trim();
    }
}
