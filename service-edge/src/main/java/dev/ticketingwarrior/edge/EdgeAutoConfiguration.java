package dev.ticketingwarrior.edge;

import dev.ticketingwarrior.edge.secret.Credentials;
import dev.ticketingwarrior.edge.secret.SecretProperties;
import dev.ticketingwarrior.edge.secret.ValkeyUser;
import dev.ticketingwarrior.shared.round.RoundClock;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * What every service gets whatever its web stack: the one clock and the round clock on it, the shared secrets, strict
 * JSON input, the edge settings.
 */
@AutoConfiguration
@EnableConfigurationProperties({EdgeProperties.class, RoundProperties.class, SecretProperties.class})
public class EdgeAutoConfiguration {

    /** The one clock of the service: every instant comes from it. Tests register their own first. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The rounds every service agrees on: the same clock arithmetic from the same settings. */
    @Bean
    @ConditionalOnMissingBean
    RoundClock roundClock(Clock clock, RoundProperties round) {
        return new RoundClock(clock, round.period(), round.openFor());
    }

    /** The shared secrets; in the {@code aws} profile an unset one stops start-up instead of using a dev value. */
    @Bean
    @ConditionalOnMissingBean
    Credentials credentials(SecretProperties secrets, Environment environment) {
        return new Credentials(secrets.opsToken(), secrets.botKey(), !environment.matchesProfiles("aws"));
    }

    /**
     * In the {@code aws} profile start-up stops here unless ECS gave the Valkey user and its password; the clients
     * (Lettuce, booking's Redisson) sign in with them.
     */
    @Bean
    @ConditionalOnMissingBean
    ValkeyUser valkeyUser(Environment environment) {
        return ValkeyUser.of(environment);
    }

    /**
     * Strict JSON input: a number where a nickname belongs, a string where a rate belongs, {@code "enabled": 1} or an
     * enum given by its index is a 400, not something silently converted ({@code ""} is not read as null, which an
     * optional field would take as "unchanged"); so is a field given twice, which parsers
     * disagree on (first or last wins), so a proxy and the service could read two different requests; and so is a field
     * the request does not have (a misspelled {@code ticketId} would otherwise be dropped without a word). What a
     * service reads back from its own stores, which a newer version may have written, it reads with a reader that
     * passes over unknown fields.
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withCoercionConfig(
                        LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float,
                        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Enum,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }
}
