package dev.ticketingwarrior.edge.secret;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ticketing.ops-token} and {@code ticketing.bot-key}, i.e. the environment variables {@code TICKETING_OPS_TOKEN}
 * and {@code TICKETING_BOT_KEY} (in AWS from Secrets Manager). Blank means unset.
 */
@ConfigurationProperties("ticketing")
public record SecretProperties(String opsToken, String botKey) {}
